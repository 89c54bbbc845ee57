package dr.cli.archdemo.right;

import dr.cli.archdemo.left.Left;

/** Test-only: the other half of a deliberate package cycle for {@code ArchitectureRulesFailTest}. */
public final class Right {
    public Left left;
}
