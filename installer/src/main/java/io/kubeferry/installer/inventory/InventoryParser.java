package io.kubeferry.installer.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads an inventory file and checks it against a topology, reporting every problem at once.
 *
 * <pre>
 * apiVersion: kubeferry.io/v1alpha1
 * kind: Inventory
 * defaults: {ssh: {user: kube, port: 22, key: ~/.ssh/id_ed25519}, sudo: true}
 * hosts:
 *   - {name: cp1, address: 10.0.0.11, connection: local}   # the installer runs here: no SSH to itself
 *   - {name: cp2, address: 10.0.0.12, ssh: {user: root}}
 * roles: {etcd: [cp1], control-plane: [cp1], worker: [cp1], registry: [cp1]}
 * cluster: {vip: 10.0.0.10, podSubnet: 10.244.0.0/16, serviceSubnet: 10.96.0.0/12, cni: calico,
 *           runtime: docker, firewalld: disable}
 * </pre>
 *
 * Relative key paths are resolved against the inventory's directory. Thread-safe (stateless).
 */
public final class InventoryParser {
  public static final String API_VERSION = "kubeferry.io/v1alpha1";
  private static final Set<String> TOP = Set.of("apiVersion", "kind", "defaults", "hosts", "roles", "cluster");
  private static final Set<String> DEFAULTS = Set.of("ssh", "sudo");
  private static final Set<String> HOST = Set.of("name", "address", "ssh", "sudo", "connection");
  private static final Set<String> SSH = Set.of("user", "port", "key", "agent");
  private static final Set<String> CLUSTER = Set.of(
      "vip", "externalEndpoint", "podSubnet", "serviceSubnet", "cni", "runtime", "firewalld");
  private static final Set<String> CNIS = Set.of("calico", "flannel", "none");
  private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");

  private InventoryParser() {}

  /** Reads {@code file} and validates it for {@code topology}. */
  public static Inventory parse(Path file, Topology topology) throws InventoryException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InventoryException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), base, topology);
  }

  /** Parses YAML text; {@code source} names it in messages, {@code baseDir} anchors relative key paths. */
  public static Inventory parse(String yaml, String source, Path baseDir, Topology topology)
      throws InventoryException {
    Object doc;
    try {
      LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false)
          .setLabel(source).build();
      doc = new Load(settings).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new InventoryException(source, List.of("not valid YAML: " + e.getMessage().replace('\n', ' ')));
    }
    List<String> problems = new ArrayList<>();
    Inventory inv = new InventoryParser.Run(problems, baseDir).read(doc, topology);
    if (!problems.isEmpty() || inv == null) {
      throw new InventoryException(source, problems);
    }
    return inv;
  }

  /** One parse; collects problems instead of throwing. */
  private static final class Run {
    private final List<String> problems;
    private final Path baseDir;

    Run(List<String> problems, Path baseDir) {
      this.problems = problems;
      this.baseDir = baseDir;
    }

    Inventory read(Object doc, Topology topology) {
      YamlMap top = YamlMap.of("", doc, problems);
      if (doc == null) {
        problems.add("the file is empty; it needs at least 'hosts' and 'roles'");
        return null;
      }
      top.rejectUnknownKeys(TOP);
      top.string("apiVersion").filter(v -> !v.equals(API_VERSION))
          .ifPresent(v -> top.problem("apiVersion", "unsupported '" + v + "' (expected " + API_VERSION + ")"));
      top.string("kind").filter(v -> !v.equals("Inventory"))
          .ifPresent(v -> top.problem("kind", "expected 'Inventory', found '" + v + "'"));
      YamlMap defaults = YamlMap.of("defaults", top.raw("defaults"), problems);
      defaults.rejectUnknownKeys(DEFAULTS);
      YamlMap defaultSsh = YamlMap.of("defaults.ssh", defaults.raw("ssh"), problems);
      defaultSsh.rejectUnknownKeys(SSH);

      Map<String, Integer> index = new LinkedHashMap<>();
      List<HostDraft> drafts = readHosts(top, defaults, defaultSsh, index);
      Map<String, Set<Role>> roles = readRoles(top, index);
      ClusterSettings cluster = readCluster(YamlMap.of("cluster", top.raw("cluster"), problems));

      List<Host> hosts = new ArrayList<>();
      for (HostDraft d : drafts) {
        Set<Role> r = roles.getOrDefault(d.name, EnumSet.noneOf(Role.class));
        if (r.isEmpty()) {
          problems.add(d.path + ": host '" + d.name + "' has no role; list it under roles.<role>");
        }
        if (d.local) {
          hosts.add(Host.local(d.name, d.address, r));
        } else if (d.ssh != null) {
          hosts.add(new Host(d.name, d.address, d.ssh, d.sudo, r));
        }
      }
      if (hosts.size() == drafts.size() && !hosts.isEmpty()) {
        defaultRegistry(hosts);
      }
      if (cluster != null) {
        Map<String, String> addresses = new LinkedHashMap<>();
        drafts.forEach(d -> addresses.putIfAbsent(d.name, d.address));
        new TopologyRules(problems).check(roles, addresses, cluster, topology);
      }
      if (!problems.isEmpty() || cluster == null || hosts.isEmpty()) {
        return null;
      }
      return new Inventory(hosts, cluster, topology);
    }

    /** {@code ssh} is null for a local host, and for a remote one whose settings were invalid. */
    private record HostDraft(String path, String name, String address, SshSettings ssh, boolean sudo,
        boolean local) {}

    private List<HostDraft> readHosts(YamlMap top, YamlMap defaults, YamlMap defaultSsh, Map<String, Integer> index) {
      List<HostDraft> out = new ArrayList<>();
      Object raw = top.raw("hosts");
      if (!(raw instanceof List<?> list) || list.isEmpty()) {
        problems.add("hosts: required, a non-empty list of {name, address, ssh}");
        return out;
      }
      Map<String, String> addresses = new LinkedHashMap<>();
      List<String> localHost = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String path = "hosts[" + i + "]";
        YamlMap h = YamlMap.of(path, list.get(i), problems);
        h.rejectUnknownKeys(HOST);
        Optional<String> name = h.string("name");
        Optional<String> address = h.string("address");
        if (name.isEmpty()) {
          h.problem("name", "required (the host's hostname)");
        } else if (!HOSTNAME.matcher(name.get()).matches()) {
          h.problem("name", "'" + name.get() + "' is not a valid lowercase hostname (RFC 1123)");
        } else if (index.containsKey(name.get())) {
          h.problem("name", "duplicate hostname '" + name.get() + "' (also hosts[" + index.get(name.get()) + "])");
        } else {
          index.put(name.get(), i);
        }
        if (address.isEmpty()) {
          h.problem("address", "required (IP address or DNS name to connect to)");
        }
        boolean local = readConnection(h, localHost);
        if (local && localHost.isEmpty()) {
          localHost.add(path);
        }
        if (local) {
          if (name.isPresent() && address.isPresent()) {
            out.add(new HostDraft(path, name.get(), address.get(), null, false, true));
          }
          continue;
        }
        YamlMap ssh = YamlMap.of(path + ".ssh", h.raw("ssh"), problems);
        ssh.rejectUnknownKeys(SSH);
        SshSettings settings = readSsh(ssh, defaultSsh);
        if (address.isPresent() && settings != null) {
          String key = address.get() + ":" + settings.port();
          String prev = addresses.putIfAbsent(key, path);
          if (prev != null) {
            h.problem("address", "duplicate address " + key + " (also " + prev + ")");
          }
        }
        boolean sudo = h.bool("sudo").or(() -> defaults.bool("sudo"))
            .orElse(settings == null || !settings.root());
        if (settings != null && !settings.root() && !sudo) {
          h.problem("sudo", "user '" + settings.user() + "' is not root, so commands need sudo: set sudo: true"
              + " or connect as root");
        }
        if (name.isPresent() && address.isPresent()) {
          out.add(new HostDraft(path, name.get(), address.get(), settings, sudo, false));
        }
      }
      return out;
    }

    /**
     * {@code connection: ssh} (the default) or {@code local}: the installer runs on this host, so it has no SSH
     * settings and no sudo key (sudo is used when the installer is not root). At most one host is local.
     */
    private boolean readConnection(YamlMap h, List<String> localHost) {
      String c = h.string("connection").orElse("ssh");
      if (!c.equals("ssh") && !c.equals("local")) {
        h.problem("connection", "unknown value '" + c + "' (expected ssh or local)");
        return false;
      }
      if (c.equals("ssh")) {
        return false;
      }
      for (String key : List.of("ssh", "sudo")) {
        if (h.has(key)) {
          h.problem(key, "not used with connection: local (the installer runs on this host: no SSH, and sudo"
              + " only when the installer is not root); remove it");
        }
      }
      if (!localHost.isEmpty()) {
        h.problem("connection", "only one host can be local (the machine the installer runs on); "
            + localHost.get(0) + " already is");
      }
      return true;
    }

    private SshSettings readSsh(YamlMap ssh, YamlMap def) {
      String user = ssh.string("user").or(() -> def.string("user")).orElse("root");
      int port = ssh.integer("port").or(() -> def.integer("port")).orElse(22);
      boolean agent = ssh.bool("agent").or(() -> def.bool("agent")).orElse(false);
      Optional<String> key = ssh.string("key").or(() -> def.string("key"));
      boolean ok = true;
      if (port < 1 || port > 65535) {
        ssh.problem("port", port + " is out of range 1-65535");
        ok = false;
      }
      if (agent) {
        ssh.problem("agent", "ssh-agent authentication is not supported yet; set ssh.key to a private key file");
        ok = false;
      } else if (key.isEmpty()) {
        ssh.problem("key", "required: a private key file (or set defaults.ssh.key)");
        ok = false;
      }
      if (!ok) {
        return null;
      }
      return new SshSettings(user, port, resolve(key.get()));
    }

    private Path resolve(String key) {
      if (key.equals("~") || key.startsWith("~/")) {
        return Path.of(System.getProperty("user.home")).resolve(key.substring(Math.min(2, key.length())));
      }
      Path p = Path.of(key);
      return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
    }

    private Map<String, Set<Role>> readRoles(YamlMap top, Map<String, Integer> index) {
      Map<String, Set<Role>> out = new LinkedHashMap<>();
      YamlMap roles = YamlMap.of("roles", top.raw("roles"), problems);
      if (!top.has("roles")) {
        problems.add("roles: required, a mapping of role to host names (etcd, control-plane, worker, registry)");
      }
      roles.rejectUnknownKeys(Set.of("etcd", "control-plane", "worker", "registry"));
      for (Role role : Role.values()) {
        List<String> names = roles.strings(role.key());
        for (int i = 0; i < names.size(); i++) {
          String n = names.get(i);
          if (!index.containsKey(n)) {
            String hint = Suggest.closest(n, index.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("");
            problems.add("roles." + role.key() + "[" + i + "]: '" + n + "' is not a host in hosts" + hint);
          } else if (!out.computeIfAbsent(n, k -> EnumSet.noneOf(Role.class)).add(role)) {
            problems.add("roles." + role.key() + "[" + i + "]: '" + n + "' is listed twice");
          }
        }
      }
      if (roles.strings("registry").size() > 1) {
        problems.add("roles.registry: at most one registry host is supported, found "
            + roles.strings("registry").size());
      }
      return out;
    }

    /** No registry listed: the first control plane serves it (the usual air-gap layout). */
    private void defaultRegistry(List<Host> hosts) {
      if (hosts.stream().anyMatch(h -> h.has(Role.REGISTRY))) {
        return;
      }
      for (int i = 0; i < hosts.size(); i++) {
        Host h = hosts.get(i);
        if (h.has(Role.CONTROL_PLANE)) {
          EnumSet<Role> r = EnumSet.copyOf(h.roles());
          r.add(Role.REGISTRY);
          hosts.set(i, h.withRoles(r));
          return;
        }
      }
    }

    private ClusterSettings readCluster(YamlMap c) {
      c.rejectUnknownKeys(CLUSTER);
      Optional<String> vip = c.string("vip");
      vip.filter(v -> Cidr.literal(v).isEmpty())
          .ifPresent(v -> c.problem("vip", "'" + v + "' is not an IP address"));
      Optional<String> external = c.string("externalEndpoint");
      external.filter(v -> !v.matches("[A-Za-z0-9.-]+:\\d{1,5}|\\[[0-9a-fA-F:]+]:\\d{1,5}"))
          .ifPresent(v -> c.problem("externalEndpoint", "'" + v + "' is not host:port"));
      String pod = c.string("podSubnet").orElse(ClusterSettings.DEFAULT_POD_SUBNET);
      String svc = c.string("serviceSubnet").orElse(ClusterSettings.DEFAULT_SERVICE_SUBNET);
      Optional<Cidr> podCidr = Cidr.parse(pod);
      Optional<Cidr> svcCidr = Cidr.parse(svc);
      if (podCidr.isEmpty()) {
        c.problem("podSubnet", "'" + pod + "' is not a subnet like 10.244.0.0/16");
      }
      if (svcCidr.isEmpty()) {
        c.problem("serviceSubnet", "'" + svc + "' is not a subnet like 10.96.0.0/12");
      }
      if (podCidr.isPresent() && svcCidr.isPresent() && podCidr.get().overlaps(svcCidr.get())) {
        c.problem("serviceSubnet", svc + " overlaps podSubnet " + pod);
      }
      String cni = c.string("cni").orElse("calico");
      if (!CNIS.contains(cni)) {
        c.problem("cni", "unknown CNI '" + cni + "' (expected one of calico, flannel, none)");
      }
      ClusterSettings.Runtime runtime = c.string("runtime")
          .map(v -> enumValue(c, "runtime", v, ClusterSettings.Runtime.class))
          .orElse(ClusterSettings.Runtime.AUTO);
      ClusterSettings.Firewalld fw = c.string("firewalld")
          .map(v -> enumValue(c, "firewalld", v, ClusterSettings.Firewalld.class))
          .orElse(ClusterSettings.Firewalld.DISABLE);
      if (runtime == null || fw == null) {
        return null;
      }
      return new ClusterSettings(vip, external, pod, svc, cni, runtime, fw);
    }

    private <E extends Enum<E>> E enumValue(YamlMap c, String key, String v, Class<E> type) {
      for (E e : type.getEnumConstants()) {
        if (e.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(v)) {
          return e;
        }
      }
      List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
          .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
      c.problem(key, "unknown value '" + v + "' (expected one of " + String.join(", ", allowed) + ")");
      return null;
    }
  }
}
