package dr.regions.loadbalancing;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

import java.util.Locale;

/** The two listeners a tier's load balancer can have, named as ELB names their protocols. */
public enum ListenerProtocol {
    HTTP(80),
    HTTPS(443);

    private final int port;

    ListenerProtocol(int port) {
        this.port = port;
    }

    public ProtocolEnum protocol() {
        return ProtocolEnum.fromValue(name());
    }

    public int port() {
        return port;
    }

    String suffix() {
        return name().toLowerCase(Locale.ROOT);
    }
}
