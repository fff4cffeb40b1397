package io.kubeferry.installer.plan;

import io.kubeferry.installer.ssh.RemoteCommand;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Small steps for runner tests. */
final class TestSteps {
  private TestSteps() {}

  /** Records "start owner" / "end owner" around a pause, and the highest number of steps running at once. */
  static final class Timeline {
    final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();

    Step step(String id, long millis) {
      return new Lambda(id, ctx -> {
        String owner = ctx.host().map(h -> h.name()).orElse("local");
        events.add("start " + owner);
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        events.add("end " + owner);
      });
    }
  }

  /** A step whose work is a lambda. */
  interface Work {
    void run(StepContext ctx) throws StepException;
  }

  record Lambda(String id, Work work) implements Step {
    @Override
    public String describe() {
      return id;
    }

    @Override
    public String inputHash() {
      return "h-" + id;
    }

    @Override
    public StepOutcome run(StepContext ctx) throws StepException {
      work.run(ctx);
      return StepOutcome.didChange();
    }
  }

  /** A host step that runs the command labelled {@code label} (a fake answers it). */
  static Step command(String id, String label) {
    return new Lambda(id, ctx -> ctx.check(RemoteCommand.root("true").withLabel(label)));
  }

  static Step failing(String id, StepException.Kind kind) {
    return new Lambda(id, ctx -> {
      throw new StepException(kind, "could not " + id + ": because (input x)");
    });
  }
}
