package io.kubeferry.installer.plan;

import io.kubeferry.installer.ssh.Redactor;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared state of one run across its worker threads: the results so far, whether it stopped (a failure, a
 * cancel, or an {@link Error} that must end the run as it is), and which threads are inside a step, so a cancel can
 * interrupt them. Thread-safe.
 */
final class RunSession {
  private final RunListener listener;
  private final Redactor redactor;
  private final List<StepResult> results = new CopyOnWriteArrayList<>();
  private final AtomicBoolean failed = new AtomicBoolean();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicReference<Error> fatal = new AtomicReference<>();
  private final Set<Thread> busy = ConcurrentHashMap.newKeySet();

  RunSession(RunListener listener, Redactor redactor) {
    this.listener = listener;
    this.redactor = redactor;
  }

  RunListener listener() {
    return listener;
  }

  /** True once nothing new may start: a step failed, the run was cancelled, or it is dying. */
  boolean stopping() {
    return failed.get() || cancelled.get() || fatal.get() != null;
  }

  boolean cancelled() {
    return cancelled.get();
  }

  boolean failed() {
    return failed.get();
  }

  /** No new step starts; threads inside a step are interrupted (their commands are stopped where possible). */
  void cancel() {
    cancelled.set(true); // before the interrupts: a thread entering later sees the flag in enter()
    busy.forEach(Thread::interrupt);
  }

  /** Marks this thread as inside a step; false (and nothing marked) when the run is stopping. */
  boolean enter() {
    busy.add(Thread.currentThread());
    if (stopping()) {
      leave();
      return false;
    }
    return true;
  }

  void leave() {
    busy.remove(Thread.currentThread());
    Thread.interrupted(); // a cancel's interrupt must not leak into whatever this thread does next
  }

  void finish(StepResult r) {
    StepResult clean = new StepResult(r.host(), r.step(), r.status(), redactor.redact(r.detail()), r.elapsed(),
        r.failure());
    if (clean.status() == StepResult.Status.FAILED) {
      failed.set(true);
    }
    results.add(clean);
    listener.stepFinished(clean);
  }

  /** Keeps the first Error; the run ends by rethrowing it once the workers are done. */
  void fatal(Error e) {
    fatal.compareAndSet(null, e);
  }

  void rethrowFatal() {
    Error e = fatal.get();
    if (e != null) {
      throw e;
    }
  }

  List<StepResult> results() {
    return List.copyOf(results);
  }
}
