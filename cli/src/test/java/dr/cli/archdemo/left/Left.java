package dr.cli.archdemo.left;

import dr.cli.archdemo.right.Right;

/** Test-only: half of a deliberate package cycle for {@code ArchitectureRulesFailTest}. */
public final class Left {
    public Right right;
}
