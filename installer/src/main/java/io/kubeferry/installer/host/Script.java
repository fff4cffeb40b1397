package io.kubeferry.installer.host;

import io.kubeferry.installer.ssh.RemoteCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A shell script shipped as a resource ({@code io/kubeferry/installer/scripts/<name>.sh}), read once and cached.
 * Values reach it only as quoted positional arguments ({@code "$1"}...) or on stdin, never spliced into its text, so
 * no path, package name or port can change what the script does. Thread-safe.
 */
public final class Script {
  private static final String DIR = "/io/kubeferry/installer/scripts/";
  private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

  private final String name;

  private Script(String name) {
    this.name = name;
  }

  /** The script {@code scripts/<name>.sh}; a missing resource is a build bug and fails at once. */
  public static Script named(String name) {
    Script s = new Script(name);
    s.text();
    return s;
  }

  public String name() {
    return name;
  }

  /** The script's text, as shipped. */
  public String text() {
    return TEXTS.computeIfAbsent(name, Script::load);
  }

  /** The command running this script as root with {@code args}. */
  public RemoteCommand root(String... args) {
    return user(args).asRoot(true);
  }

  /** The command running this script as the login user with {@code args}. */
  public RemoteCommand user(String... args) {
    return RemoteCommand.user(text()).withName(name).withArgs(List.of(args));
  }

  /** As {@link #root(String...)} with a list of arguments. */
  public RemoteCommand root(List<String> args) {
    return RemoteCommand.root(text()).withName(name).withArgs(args);
  }

  private static String load(String name) {
    try (InputStream in = Script.class.getResourceAsStream(DIR + name + ".sh")) {
      if (in == null) {
        throw new IllegalArgumentException("no script " + DIR + name + ".sh on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read script " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "script " + name;
  }
}
