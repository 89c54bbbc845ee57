package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateIamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceMetadataOptions;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.LaunchTemplatesMonitoring;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Launch templates and their numbered versions. Like EC2, the template data is stored as given and not
 * checked against existing images or groups; that happens when an instance is launched from it.
 */
final class LaunchTemplateOperations {
    private static final Set<String> FILTERS = Set.of("launch-template-name", "launch-template-id");
    private static final Set<String> VERSION_FILTERS = Set.of("is-default-version", "image-id", "instance-type");
    private static final String CREATED_BY = "arn:aws:iam::" + World.ACCOUNT_ID + ":root";

    private final Ec2Context ctx;

    LaunchTemplateOperations(Ec2Context ctx) {
        this.ctx = ctx;
    }

    record Resolved(Ec2State.LaunchTemplate template, Ec2State.TemplateVersion version) {
    }

    /** A template by id or name, and the version {@code $Default} (or null), {@code $Latest} or a number names. */
    Resolved resolve(String templateId, String templateName, String version) {
        Ec2State.LaunchTemplate template = template(templateId, templateName);
        return new Resolved(template, version(template, version == null ? "$Default" : version));
    }

    Ec2State.LaunchTemplate template(String templateId, String templateName) {
        if (templateId != null) {
            Ec2State.LaunchTemplate template = ctx.state.launchTemplates.get(templateId);
            if (template == null) {
                throw idNotFound(templateId);
            }
            return template;
        }
        if (templateName != null) {
            return ctx.state.launchTemplates.values().stream().filter(t -> t.name.equals(templateName)).findFirst()
                    .orElseThrow(() -> nameNotFound(templateName));
        }
        throw Ec2Errors.missing("launchTemplateName or launchTemplateId");
    }

    private static AwsServiceException idNotFound(String id) {
        return Ec2Errors.error("InvalidLaunchTemplateId.NotFound",
                "The specified launch template, with template ID " + id + ", does not exist.");
    }

    private static AwsServiceException nameNotFound(String name) {
        return Ec2Errors.error("InvalidLaunchTemplateName.NotFoundException",
                "The specified launch template, with template name " + name + ", does not exist.");
    }

    private static Ec2State.TemplateVersion version(Ec2State.LaunchTemplate template, String version) {
        long number;
        if (version.equals("$Default")) {
            number = template.defaultVersion;
        } else if (version.equals("$Latest")) {
            number = template.latestVersion;
        } else {
            try {
                number = Long.parseLong(version);
            } catch (NumberFormatException e) {
                throw Ec2Errors.invalidValue("Version", version);
            }
        }
        Ec2State.TemplateVersion found = template.versions.get(number);
        if (found == null) {
            throw Ec2Errors.error("InvalidLaunchTemplateId.VersionNotFound",
                    "Could not find launch template version " + version + " for launch template " + template.id);
        }
        return found;
    }

    CreateLaunchTemplateResponse createLaunchTemplate(CreateLaunchTemplateRequest request) {
        Ec2Errors.require(request.launchTemplateName(), "LaunchTemplateName");
        Ec2Errors.require(request.launchTemplateData(), "LaunchTemplateData");
        String tokenKey = request.clientToken() == null ? null : "CreateLaunchTemplate:" + request.clientToken();
        if (tokenKey != null && ctx.state.launchTemplates.containsKey(ctx.state.clientTokens.get(tokenKey))) {
            return CreateLaunchTemplateResponse.builder()
                    .launchTemplate(toSdk(ctx.state.launchTemplates.get(ctx.state.clientTokens.get(tokenKey))))
                    .build();
        }
        String name = request.launchTemplateName();
        if (!name.matches("[a-zA-Z0-9().\\-/_]{3,128}")) {
            throw Ec2Errors.error("InvalidLaunchTemplateName.MalformedException", "A launch template name must be "
                    + "between 3 and 128 characters, and may contain letters, numbers, and the following characters: "
                    + "- ( ) . / _.");
        }
        if (ctx.state.launchTemplates.values().stream().anyMatch(t -> t.name.equals(name))) {
            throw Ec2Errors.error("InvalidLaunchTemplateName.AlreadyExistsException",
                    "Launch template name already in use.");
        }
        Ec2State.TemplateData data = data(request.launchTemplateData(), new Ec2State.TemplateData());
        Ec2State.LaunchTemplate template = new Ec2State.LaunchTemplate();
        template.tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "launch-template");
        template.id = ctx.newId("lt");
        template.name = name;
        template.createTime = ctx.now();
        template.versions.put(1L, newVersion(1, request.versionDescription(), data));
        ctx.state.launchTemplates.put(template.id, ctx.created(template));
        if (tokenKey != null) {
            ctx.state.clientTokens.put(tokenKey, template.id);
        }
        return CreateLaunchTemplateResponse.builder().launchTemplate(toSdk(template)).build();
    }

    private Ec2State.TemplateVersion newVersion(long number, String description, Ec2State.TemplateData data) {
        Ec2State.TemplateVersion version = new Ec2State.TemplateVersion();
        version.number = number;
        version.description = description;
        version.createTime = ctx.now();
        version.data = data;
        return version;
    }

    CreateLaunchTemplateVersionResponse createLaunchTemplateVersion(CreateLaunchTemplateVersionRequest request) {
        Ec2State.LaunchTemplate template = template(request.launchTemplateId(), request.launchTemplateName());
        Ec2Errors.require(request.launchTemplateData(), "LaunchTemplateData");
        Ec2State.TemplateData base = request.sourceVersion() == null ? new Ec2State.TemplateData()
                : copy(version(template, request.sourceVersion()).data);
        long number = template.latestVersion + 1;
        Ec2State.TemplateVersion version =
                newVersion(number, request.versionDescription(), data(request.launchTemplateData(), base));
        template.versions.put(number, version);
        template.latestVersion = number;
        return CreateLaunchTemplateVersionResponse.builder().launchTemplateVersion(toSdk(template, version)).build();
    }

    ModifyLaunchTemplateResponse modifyLaunchTemplate(ModifyLaunchTemplateRequest request) {
        Ec2State.LaunchTemplate template = template(request.launchTemplateId(), request.launchTemplateName());
        if (request.defaultVersion() != null) {
            template.defaultVersion = version(template, request.defaultVersion()).number;
        }
        return ModifyLaunchTemplateResponse.builder().launchTemplate(toSdk(template)).build();
    }

    DeleteLaunchTemplateResponse deleteLaunchTemplate(DeleteLaunchTemplateRequest request) {
        Ec2State.LaunchTemplate template = template(request.launchTemplateId(), request.launchTemplateName());
        ctx.state.launchTemplates.remove(template.id);
        return DeleteLaunchTemplateResponse.builder().launchTemplate(toSdk(template)).build();
    }

    DescribeLaunchTemplatesResponse describeLaunchTemplates(DescribeLaunchTemplatesRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), FILTERS);
        List<String> ids = new ArrayList<>(request.launchTemplateIds());
        for (String name : request.launchTemplateNames()) {
            ids.add(template(null, name).id);
        }
        List<Ec2State.LaunchTemplate> templates = ctx.select(ctx.state.launchTemplates, ids,
                LaunchTemplateOperations::idNotFound, filter, (template, name) -> switch (name) {
                    case "launch-template-name" -> List.of(template.name);
                    case "launch-template-id" -> List.of(template.id);
                    default -> List.of();
                });
        Ec2Pages.Page<Ec2State.LaunchTemplate> page =
                Ec2Pages.page(templates, request.maxResults(), request.nextToken(), 1, 200);
        return DescribeLaunchTemplatesResponse.builder()
                .launchTemplates(page.items().stream().map(this::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DescribeLaunchTemplateVersionsResponse describeLaunchTemplateVersions(
            DescribeLaunchTemplateVersionsRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), VERSION_FILTERS);
        Ec2State.LaunchTemplate template = template(request.launchTemplateId(), request.launchTemplateName());
        Collection<Ec2State.TemplateVersion> candidates;
        if (request.versions().isEmpty()) {
            candidates = template.versions.values();
        } else {
            Set<Ec2State.TemplateVersion> named = new LinkedHashSet<>();
            request.versions().forEach(v -> named.add(version(template, v)));
            candidates = named;
        }
        long min = request.minVersion() == null ? Long.MIN_VALUE : version(template, request.minVersion()).number;
        long max = request.maxVersion() == null ? Long.MAX_VALUE : version(template, request.maxVersion()).number;
        List<Ec2State.TemplateVersion> versions = candidates.stream()
                .filter(v -> v.number >= min && v.number <= max)
                .filter(v -> filter.matches(Map.of(), name -> switch (name) {
                    case "is-default-version" -> List.of(String.valueOf(v.number == template.defaultVersion));
                    case "image-id" -> v.data.imageId == null ? List.of() : List.of(v.data.imageId);
                    case "instance-type" -> v.data.instanceType == null ? List.of() : List.of(v.data.instanceType);
                    default -> List.of();
                }))
                .toList();
        Ec2Pages.Page<Ec2State.TemplateVersion> page =
                Ec2Pages.page(versions, request.maxResults(), request.nextToken(), 1, 200);
        return DescribeLaunchTemplateVersionsResponse.builder()
                .launchTemplateVersions(page.items().stream().map(v -> toSdk(template, v)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** The request's fields over {@code base}: fields the request leaves out keep the base's values. */
    private static Ec2State.TemplateData data(RequestLaunchTemplateData request, Ec2State.TemplateData base) {
        InstanceOperations.checkUserData(request.userData());
        if (request.imageId() != null) {
            base.imageId = request.imageId();
        }
        if (request.instanceTypeAsString() != null) {
            base.instanceType = request.instanceTypeAsString();
        }
        if (request.keyName() != null) {
            base.keyName = request.keyName();
        }
        if (request.userData() != null) {
            base.userData = request.userData();
        }
        if (request.hasSecurityGroupIds()) {
            base.securityGroupIds = new ArrayList<>(request.securityGroupIds());
        }
        if (request.hasSecurityGroups()) {
            base.securityGroupNames = new ArrayList<>(request.securityGroups());
        }
        if (request.iamInstanceProfile() != null) {
            base.iamInstanceProfileArn = request.iamInstanceProfile().arn();
            base.iamInstanceProfileName = request.iamInstanceProfile().name();
        }
        if (request.metadataOptions() != null && request.metadataOptions().httpTokensAsString() != null) {
            base.metadataHttpTokens = request.metadataOptions().httpTokensAsString();
        }
        if (request.monitoring() != null) {
            base.monitoringEnabled = request.monitoring().enabled();
        }
        if (request.hasTagSpecifications()) {
            base.tagSpecifications = new LinkedHashMap<>();
            for (LaunchTemplateTagSpecificationRequest specification : request.tagSpecifications()) {
                Ec2Errors.require(specification.resourceTypeAsString(), "TagSpecification.ResourceType");
                Map<String, String> tags = base.tagSpecifications
                        .computeIfAbsent(specification.resourceTypeAsString(), k -> new LinkedHashMap<>());
                Ec2Tags.put(tags, specification.tags());
            }
        }
        return base;
    }

    private static Ec2State.TemplateData copy(Ec2State.TemplateData source) {
        Ec2State.TemplateData copy = new Ec2State.TemplateData();
        copy.imageId = source.imageId;
        copy.instanceType = source.instanceType;
        copy.keyName = source.keyName;
        copy.userData = source.userData;
        copy.securityGroupIds = new ArrayList<>(source.securityGroupIds);
        copy.securityGroupNames = new ArrayList<>(source.securityGroupNames);
        copy.iamInstanceProfileArn = source.iamInstanceProfileArn;
        copy.iamInstanceProfileName = source.iamInstanceProfileName;
        copy.metadataHttpTokens = source.metadataHttpTokens;
        copy.monitoringEnabled = source.monitoringEnabled;
        copy.tagSpecifications = new LinkedHashMap<>();
        source.tagSpecifications.forEach((type, tags) -> copy.tagSpecifications.put(type, new LinkedHashMap<>(tags)));
        return copy;
    }

    private LaunchTemplate toSdk(Ec2State.LaunchTemplate template) {
        return LaunchTemplate.builder()
                .launchTemplateId(template.id)
                .launchTemplateName(template.name)
                .createTime(template.createTime)
                .createdBy(CREATED_BY)
                .defaultVersionNumber(template.defaultVersion)
                .latestVersionNumber(template.latestVersion)
                .tags(Ec2Tags.toSdk(template.tags))
                .build();
    }

    private static LaunchTemplateVersion toSdk(Ec2State.LaunchTemplate template, Ec2State.TemplateVersion version) {
        Ec2State.TemplateData data = version.data;
        ResponseLaunchTemplateData.Builder out = ResponseLaunchTemplateData.builder()
                .imageId(data.imageId)
                .instanceType(data.instanceType)
                .keyName(data.keyName)
                .userData(data.userData)
                .securityGroupIds(data.securityGroupIds)
                .securityGroups(data.securityGroupNames);
        if (data.iamInstanceProfileArn != null || data.iamInstanceProfileName != null) {
            out.iamInstanceProfile(LaunchTemplateIamInstanceProfileSpecification.builder()
                    .arn(data.iamInstanceProfileArn).name(data.iamInstanceProfileName).build());
        }
        if (data.metadataHttpTokens != null) {
            out.metadataOptions(LaunchTemplateInstanceMetadataOptions.builder()
                    .httpTokens(data.metadataHttpTokens).build());
        }
        if (data.monitoringEnabled != null) {
            out.monitoring(LaunchTemplatesMonitoring.builder().enabled(data.monitoringEnabled).build());
        }
        List<LaunchTemplateTagSpecification> specifications = new ArrayList<>();
        data.tagSpecifications.forEach((type, tags) -> specifications.add(LaunchTemplateTagSpecification.builder()
                .resourceType(type).tags(Ec2Tags.toSdk(tags)).build()));
        out.tagSpecifications(specifications);
        return LaunchTemplateVersion.builder()
                .launchTemplateId(template.id)
                .launchTemplateName(template.name)
                .versionNumber(version.number)
                .versionDescription(version.description)
                .createTime(version.createTime)
                .createdBy(CREATED_BY)
                .defaultVersion(version.number == template.defaultVersion)
                .launchTemplateData(out.build())
                .build();
    }
}
