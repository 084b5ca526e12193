package dev.leakproof.analysis;

import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;

/**
 * The work one unit may cost ({@code MaxStepsPerMethod}), counted in steps; a unit that spends more
 * is skipped ({@link BudgetExceededException}) with a note to the user.
 *
 * <p>A step is one transfer-function application, plus one for every {@value #FACTS_PER_STEP} facts
 * in its store (the transfer copies the store, so a step over a large store costs more). Building
 * the CFG is charged before it starts, from an estimate made on the tree: the dataflow library's
 * CFG builder is linear except at a {@code finally} block (an explicit one, or the implicit {@code
 * close()} of each try-with-resources resource), where it scans every node translated so far and
 * each node's handler labels, whose number grows with the {@code try} statements around it. A
 * 25,000-line generated method with a thousand {@code finally} blocks would take seconds before the
 * first step. The estimate sums, over the {@code finally} blocks, the nodes before each times its
 * depth of {@code try} statements; {@value #CFG_COST_PER_STEP} of those cost about as much as a
 * step.
 */
final class Budget {
  static final int FACTS_PER_STEP = 8;
  static final int CFG_COST_PER_STEP = 25;

  private final long max;
  private long spent;

  Budget(long max) {
    this.max = max;
  }

  /** Charges the estimated cost of building the CFG of {@code body}, before it is built. */
  void chargeCfg(Tree body) {
    charge(CfgCost.of(body) / CFG_COST_PER_STEP);
  }

  /** Charges one transfer step over a store of {@code storeSize} facts. */
  void step(int storeSize) {
    charge(1 + storeSize / FACTS_PER_STEP);
  }

  private void charge(long steps) {
    spent += steps;
    if (spent > max) {
      throw new BudgetExceededException("more than " + max + " analysis steps");
    }
  }

  long spent() {
    return spent;
  }

  /** The CFG builder's work on a body: its nodes, plus the scans at each {@code finally}. */
  private static final class CfgCost extends UnitScanner {
    private long nodes;
    private long finallyScans;

    static long of(Tree body) {
      CfgCost cost = new CfgCost();
      cost.scan(body, null);
      return cost.nodes + cost.finallyScans;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (tree != null) {
        nodes++;
      }
      return super.scan(tree, unused);
    }

    @Override
    public Void visitTry(TryTree tree, Void unused) {
      super.visitTry(tree, unused);
      long finallies = tree.getResources().size() + (tree.getFinallyBlock() != null ? 1 : 0);
      finallyScans += finallies * nodes;
      return null;
    }
  }
}
