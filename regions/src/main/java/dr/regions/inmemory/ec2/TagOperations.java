package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.Ec2State;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsResponse;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateTags and DeleteTags on any EC2 resource id; all ids are checked before any is changed. */
final class TagOperations {
    private final Ec2Context ctx;

    TagOperations(Ec2Context ctx) {
        this.ctx = ctx;
    }

    CreateTagsResponse createTags(CreateTagsRequest request) {
        if (request.resources().isEmpty()) {
            throw Ec2Errors.missing("ResourceId");
        }
        if (request.tags().isEmpty()) {
            throw Ec2Errors.missing("Tag");
        }
        List<Ec2State.Tagged> resources = request.resources().stream().map(this::resource).toList();
        List<Map<String, String>> merged =
                resources.stream().map(resource -> Ec2Tags.merged(resource.tags, request.tags())).toList();
        for (int i = 0; i < resources.size(); i++) {
            resources.get(i).tags = new LinkedHashMap<>(merged.get(i));
        }
        return CreateTagsResponse.builder().build();
    }

    DeleteTagsResponse deleteTags(DeleteTagsRequest request) {
        if (request.resources().isEmpty()) {
            throw Ec2Errors.missing("ResourceId");
        }
        List<Ec2State.Tagged> resources = request.resources().stream().map(this::resource).toList();
        for (Ec2State.Tagged resource : resources) {
            if (request.tags().isEmpty()) {
                // No tags named: every user tag goes.
                resource.tags.keySet().removeIf(key -> !key.startsWith("aws:"));
            }
            for (Tag tag : request.tags()) {
                // A tag given with a value is deleted only if the value matches.
                String current = resource.tags.get(tag.key());
                if (current != null && (tag.value() == null || tag.value().equals(current))) {
                    resource.tags.remove(tag.key());
                }
            }
        }
        return DeleteTagsResponse.builder().build();
    }

    private Ec2State.Tagged resource(String id) {
        int dash = id.lastIndexOf('-');
        String prefix = dash < 0 ? "" : id.substring(0, dash);
        return switch (prefix) {
            case "vpc" -> ctx.vpc(id);
            case "subnet" -> ctx.subnet(id);
            case "sg" -> ctx.securityGroup(id);
            case "igw" -> ctx.internetGateway(id);
            case "eipalloc" -> ctx.address(id);
            case "nat" -> ctx.natGateway(id);
            case "rtb" -> ctx.routeTable(id);
            case "acl" -> java.util.Optional.ofNullable(ctx.state.networkAcls.get(id)).orElseThrow(() ->
                    Ec2Errors.error("InvalidNetworkAclID.NotFound", "The network ACL '" + id + "' does not exist"));
            case "i" -> ctx.instance(id);
            case "ami" -> ctx.image(id);
            case "snap" -> ctx.snapshot(id);
            case "lt" -> launchTemplate(id);
            default -> throw Ec2Errors.error("InvalidID", "The ID '" + id + "' is not valid");
        };
    }

    private Ec2State.LaunchTemplate launchTemplate(String id) {
        return new LaunchTemplateOperations(ctx).template(id, null);
    }
}
