package io.kubeferry.cli.inventory;

import io.kubeferry.installer.inventory.InventoryExample;
import io.kubeferry.installer.inventory.Topology;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kubeferry inventory}: help with the inventory file. */
@Command(name = "inventory", mixinStandardHelpOptions = true, description = "Inventory helpers.",
    subcommands = InventoryCommand.Example.class)
public final class InventoryCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code kubeferry inventory example --topology T}. */
  @Command(name = "example", mixinStandardHelpOptions = true,
      description = "Print a commented example inventory for a topology (save it as inventory.yaml and edit it).")
  public static final class Example implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--topology", defaultValue = "single",
        description = "single, ha-stacked or ha-external-etcd (default: ${DEFAULT-VALUE}).")
    String topology;

    @Override
    public Integer call() {
      Topology t;
      try {
        t = Topology.parse(topology);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      spec.commandLine().getOut().print(InventoryExample.of(t));
      return 0;
    }
  }
}
