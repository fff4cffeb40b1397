package io.kubeferry.cli.install;

import io.kubeferry.installer.plan.PlanRunner;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Ctrl-C during an install: the first cancels the run (no new step starts, running commands are stopped, nothing
 * half-done is recorded, so the same command resumes); the second exits at once. A shutdown hook cannot keep the JVM
 * alive to finish the report, so this uses {@code sun.misc.Signal} (module {@code jdk.unsupported}, which the
 * bundled runtime carries), through reflection because javac flags every direct use with a warning that cannot be
 * suppressed. The second press is the JVM's own handler, restored after the first: it exits with 130 as a shell
 * reports Ctrl-C, and this class never calls exit itself. Where the API is missing, Ctrl-C keeps its usual meaning.
 */
final class Interrupts {
  /** The work to guard. */
  @FunctionalInterface
  interface Body<T> {
    T run() throws InterruptedException;
  }

  private Interrupts() {}

  static <T> T cancelOnCtrlC(PlanRunner runner, PrintWriter err, Body<T> body) throws InterruptedException {
    SigInt sigint = SigInt.open();
    if (sigint == null) {
      return body.run();
    }
    Object[] previous = new Object[1];
    previous[0] = sigint.handle(() -> {
      if (previous[0] != null) {
        sigint.restore(previous[0]); // the next Ctrl-C: the JVM's handler, which exits with 130
      }
      err.println("kubeferry: cancelling — press Ctrl-C again to exit now");
      err.flush();
      runner.cancel();
    });
    if (previous[0] == null) {
      return body.run(); // SIGINT is not ours to handle (java -Xrs)
    }
    try {
      return body.run();
    } finally {
      sigint.restore(previous[0]);
    }
  }

  /** SIGINT through {@code sun.misc.Signal}, looked up at run time. */
  private record SigInt(Object signal, Class<?> handlerType, Method handle) {
    static SigInt open() {
      try {
        Class<?> signalType = Class.forName("sun.misc.Signal");
        Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
        Object signal = signalType.getConstructor(String.class).newInstance("INT");
        return new SigInt(signal, handlerType, signalType.getMethod("handle", signalType, handlerType));
      } catch (ReflectiveOperationException | LinkageError e) {
        return null;
      }
    }

    /** Installs {@code action} as the handler; returns the previous one, or null when SIGINT is not available. */
    Object handle(Runnable action) {
      Object handler = Proxy.newProxyInstance(Interrupts.class.getClassLoader(), new Class<?>[] {handlerType},
          (proxy, m, args) -> {
            if (m.getName().equals("handle")) {
              action.run();
              return null;
            }
            return switch (m.getName()) { // Object's methods, should anything ask
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> "kubeferry Ctrl-C handler";
            };
          });
      return restore(handler);
    }

    Object restore(Object handler) {
      try {
        return handle.invoke(null, signal, handler);
      } catch (IllegalAccessException | InvocationTargetException e) {
        return null; // e.g. IllegalArgumentException: the JVM runs with -Xrs and owns no SIGINT handler
      }
    }
  }
}
