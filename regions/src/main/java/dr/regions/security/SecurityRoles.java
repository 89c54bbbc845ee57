package dr.regions.security;

/** The six security groups of a region and their role names. */
public enum SecurityRoles {
    BASTION("sg-bastion", "SSH to the bastion from the admin CIDR only"),
    ALB_WEB("sg-alb-web", "HTTP/HTTPS from anywhere to the web load balancer"),
    ALB_APP("sg-alb-app", "HTTP/HTTPS from anywhere to the app load balancer"),
    WEB("sg-web", "HTTP from the web load balancer, SSH from the bastion"),
    APP("sg-app", "HTTP from the app load balancer, SSH from the bastion"),
    DB("sg-db", "MySQL from the app tier only");

    private final String role;
    private final String description;

    SecurityRoles(String role, String description) {
        this.role = role;
        this.description = description;
    }

    public String role() {
        return role;
    }

    public String description() {
        return description;
    }
}
