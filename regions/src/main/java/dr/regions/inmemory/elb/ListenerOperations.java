package dr.regions.inmemory.elb;

import dr.regions.inmemory.world.ElbState;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.DescribeCertificateRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** CreateListener, DescribeListeners, ModifyListener and DeleteListener of application load balancers. */
final class ListenerOperations {
    /** The policy AWS applies to an HTTPS listener that names none. */
    static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-2016-08";

    private final World world;
    private final String region;
    private final ElbState state;
    private final ActionParser actions;
    private final LoadBalancerOperations loadBalancers;

    ListenerOperations(World world, String region, ElbState state) {
        this.world = world;
        this.region = region;
        this.state = state;
        this.actions = new ActionParser(state);
        this.loadBalancers = new LoadBalancerOperations(world, region, state);
    }

    /** Idempotent as in AWS: the same settings on the same port return the existing listener. */
    CreateListenerResponse create(CreateListenerRequest request) {
        ElbState.LoadBalancer lb = loadBalancers.existing(request.loadBalancerArn());
        String protocol = protocol(request.protocolAsString());
        if (request.port() == null) {
            throw ElbErrors.missing("port");
        }
        TargetGroupOperations.checkPort(request.port(), "port");
        List<String> certificates = certificates(protocol, request.certificates());
        String sslPolicy = sslPolicy(protocol, request.sslPolicy());
        List<ElbState.Action> defaultActions = actions.parse(request.defaultActions(), "defaultActions", lb.arn);

        ElbState.Listener existing = onPort(lb.arn, request.port(), null);
        if (existing != null) {
            if (existing.protocol.equals(protocol) && existing.certificateArns.equals(certificates)
                    && Objects.equals(existing.sslPolicy, sslPolicy)
                    && ElbModel.actions(existing.defaultActions).equals(ElbModel.actions(defaultActions))) {
                return CreateListenerResponse.builder().listeners(ElbModel.listener(existing)).build();
            }
            throw ElbErrors.duplicateListener();
        }

        ElbState.Listener listener = new ElbState.Listener();
        String lbPath = resourcePath(lb.arn);
        String listenerId = world.ids.hex(16);
        listener.arn = world.arn("elasticloadbalancing", region, "listener/" + lbPath + "/" + listenerId);
        listener.defaultRuleArn = world.arn("elasticloadbalancing", region,
                "listener-rule/" + lbPath + "/" + listenerId + "/" + world.ids.hex(16));
        listener.loadBalancerArn = lb.arn;
        listener.protocol = protocol;
        listener.port = request.port();
        listener.sslPolicy = sslPolicy;
        listener.certificateArns = certificates;
        listener.defaultActions = defaultActions;
        listener.tags = ElbTags.of(request.tags());
        state.listeners.put(listener.arn, listener);
        registerUse(listener);
        world.faults().created(listener.arn);
        return CreateListenerResponse.builder().listeners(ElbModel.listener(listener)).build();
    }

    DescribeListenersResponse describe(DescribeListenersRequest request) {
        List<ElbState.Listener> found = new ArrayList<>();
        if (request.hasListenerArns() && !request.listenerArns().isEmpty()) {
            for (String arn : request.listenerArns()) {
                ElbState.Listener listener = state.listeners.get(arn);
                if (listener == null || !world.faults().visible(arn)) {
                    throw ElbErrors.listenerNotFound();
                }
                found.add(listener);
            }
        } else if (request.loadBalancerArn() != null) {
            loadBalancers.existing(request.loadBalancerArn());
            for (ElbState.Listener listener : state.listeners.values()) {
                if (listener.loadBalancerArn.equals(request.loadBalancerArn())) {
                    found.add(listener);
                }
            }
        } else {
            throw ElbErrors.validation("You must specify either listener ARNs or a load balancer ARN");
        }
        MarkerPage<ElbState.Listener> page = MarkerPage.of(found, request.marker(), request.pageSize());
        return DescribeListenersResponse.builder()
                .listeners(page.items().stream().map(ElbModel::listener).toList())
                .nextMarker(page.nextMarker())
                .build();
    }

    ModifyListenerResponse modify(ModifyListenerRequest request) {
        ElbState.Listener listener = existing(request.listenerArn());
        String protocol = request.protocolAsString() == null ? listener.protocol : protocol(request.protocolAsString());
        int port = listener.port;
        if (request.port() != null) {
            TargetGroupOperations.checkPort(request.port(), "port");
            if (onPort(listener.loadBalancerArn, request.port(), listener.arn) != null) {
                throw ElbErrors.duplicateListener();
            }
            port = request.port();
        }
        List<Certificate> requestedCertificates = request.hasCertificates() ? request.certificates() : null;
        List<String> certificates;
        if (requestedCertificates != null) {
            certificates = certificates(protocol, requestedCertificates);
        } else if (protocol.equals("HTTP")) {
            certificates = List.of();
        } else {
            certificates = certificates(protocol, listener.certificateArns.stream()
                    .map(arn -> Certificate.builder().certificateArn(arn).build()).toList());
        }
        String sslPolicy = request.sslPolicy() != null ? sslPolicy(protocol, request.sslPolicy())
                : protocol.equals("HTTP") ? null : sslPolicy(protocol, listener.sslPolicy);
        List<ElbState.Action> defaultActions = request.hasDefaultActions()
                ? actions.parse(request.defaultActions(), "defaultActions", listener.loadBalancerArn)
                : listener.defaultActions;

        listener.protocol = protocol;
        listener.port = port;
        listener.certificateArns = certificates;
        listener.sslPolicy = sslPolicy;
        listener.defaultActions = defaultActions;
        world.dependencies.release(listener.arn);
        registerUse(listener);
        return ModifyListenerResponse.builder().listeners(ElbModel.listener(listener)).build();
    }

    DeleteListenerResponse delete(DeleteListenerRequest request) {
        existing(request.listenerArn());
        removeListener(world, state, request.listenerArn());
        return DeleteListenerResponse.builder().build();
    }

    /** Removes a listener with its rules and forgets what they used. */
    static void removeListener(World world, ElbState state, String listenerArn) {
        List<String> ruleArns = state.rules.values().stream()
                .filter(r -> r.listenerArn.equals(listenerArn))
                .map(r -> r.arn)
                .toList();
        for (String ruleArn : ruleArns) {
            state.rules.remove(ruleArn);
            world.dependencies.release(ruleArn);
        }
        state.listeners.remove(listenerArn);
        world.dependencies.release(listenerArn);
    }

    ElbState.Listener existing(String arn) {
        if (arn == null) {
            throw ElbErrors.missing("listenerArn");
        }
        ElbState.Listener listener = state.listeners.get(arn);
        if (listener == null) {
            throw ElbErrors.listenerNotFound();
        }
        return listener;
    }

    /** {@code app/<name>/<id>} of a load balancer ARN, the stem of its listener and rule ARNs. */
    static String resourcePath(String loadBalancerArn) {
        return loadBalancerArn.substring(loadBalancerArn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
    }

    private void registerUse(ElbState.Listener listener) {
        List<String> used = new ArrayList<>(listener.certificateArns);
        used.addAll(ActionParser.targetGroupsOf(listener.defaultActions));
        world.dependencies.use(listener.arn, used.toArray(String[]::new));
    }

    private ElbState.Listener onPort(String loadBalancerArn, int port, String except) {
        return state.listeners.values().stream()
                .filter(l -> l.loadBalancerArn.equals(loadBalancerArn) && l.port == port && !l.arn.equals(except))
                .findFirst().orElse(null);
    }

    private static String protocol(String protocol) {
        if (protocol == null) {
            throw ElbErrors.missing("protocol");
        }
        if (!protocol.equals("HTTP") && !protocol.equals("HTTPS")) {
            throw ElbErrors.validation("Listener protocol '" + protocol + "' must be one of 'HTTPS, HTTP'");
        }
        return protocol;
    }

    private static String sslPolicy(String protocol, String requested) {
        if (protocol.equals("HTTP")) {
            if (requested != null) {
                throw ElbErrors.validation("An SSL policy cannot be specified for HTTP listeners");
            }
            return null;
        }
        return requested == null ? DEFAULT_SSL_POLICY : requested;
    }

    /**
     * HTTPS needs exactly one default certificate, an ISSUED ACM certificate of this region; HTTP takes none.
     * AWS answers a certificate that is missing, of another region or not yet issued with CertificateNotFound.
     */
    private List<String> certificates(String protocol, List<Certificate> requested) {
        List<String> arns = requested == null ? List.of()
                : requested.stream().map(Certificate::certificateArn).filter(Objects::nonNull).toList();
        if (protocol.equals("HTTP")) {
            if (!arns.isEmpty()) {
                throw ElbErrors.validation("A certificate cannot be specified for HTTP listeners");
            }
            return List.of();
        }
        if (arns.isEmpty()) {
            throw ElbErrors.validation("A certificate must be specified for HTTPS listeners");
        }
        if (arns.size() > 1) {
            throw ElbErrors.validation("You can specify only one default certificate for a listener");
        }
        for (String arn : arns) {
            if (!isIssuedHere(arn)) {
                throw ElbErrors.certificateNotFound(arn);
            }
        }
        return new ArrayList<>(arns);
    }

    private boolean isIssuedHere(String certificateArn) {
        String[] parts = certificateArn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("acm") || !parts[3].equals(region)) {
            return false;
        }
        return statusOf(certificateArn) == CertificateStatus.ISSUED;
    }

    /** An internal lookup: the eventual-consistency fault's miss is meant for dr, not for ELB. */
    private CertificateStatus statusOf(String certificateArn) {
        try {
            return world.faults().internal(() -> world.services().acm(region)
                    .describeCertificate(DescribeCertificateRequest.builder().certificateArn(certificateArn).build())
                    .certificate().status());
        } catch (AwsServiceException e) {
            return null;
        }
    }
}
