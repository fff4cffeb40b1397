package io.kubeferry.installer.prepare;

import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.ssh.CommandResult;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.ShellQuote;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes small files on a host idempotently and atomically: the content goes to a temp file beside the target, and
 * replaces the target only when it differs (so an unchanged file keeps its mtime and a re-run changes nothing).
 */
final class RemoteFiles {
  private RemoteFiles() {}

  /** Ensures {@code path} holds {@code content} with {@code mode}; true when the file was created or changed. */
  static boolean ensure(StepContext ctx, String path, String content, String mode) throws StepException {
    String b64 = Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    String p = ShellQuote.quote(path);
    String tmp = ShellQuote.quote(path + ".kubeferry-tmp");
    String script = "set -e; mkdir -p \"$(dirname " + p + ")\"; printf '%s' '" + b64 + "' | base64 -d > " + tmp
        + "; if [ -f " + p + " ] && cmp -s " + tmp + " " + p + "; then rm -f " + tmp + "; echo unchanged;"
        + " else chmod " + mode + " " + tmp + "; mv -f " + tmp + " " + p + "; echo changed; fi";
    CommandResult r = ctx.check(RemoteCommand.root(script).withLabel("write " + path));
    return r.stdout().strip().endsWith("changed") && !r.stdout().strip().endsWith("unchanged");
  }
}
