package dr.regions.loadbalancing;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

import java.util.Locale;

/** The two listeners a tier's load balancer can have. */
public enum ListenerProtocol {
    HTTP(ProtocolEnum.HTTP, 80),
    HTTPS(ProtocolEnum.HTTPS, 443);

    private final ProtocolEnum protocol;
    private final int port;

    ListenerProtocol(ProtocolEnum protocol, int port) {
        this.protocol = protocol;
        this.port = port;
    }

    public ProtocolEnum protocol() {
        return protocol;
    }

    public int port() {
        return port;
    }

    String suffix() {
        return name().toLowerCase(Locale.ROOT);
    }
}
