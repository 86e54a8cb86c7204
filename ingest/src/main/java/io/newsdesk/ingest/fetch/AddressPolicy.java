package io.newsdesk.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decides which addresses a fetch may connect to: public unicast only, unless a network or host was
 * allowed explicitly. Resolves a host once and hands back the address that was checked, so the
 * connection goes there and a second DNS answer cannot slip past the check.
 */
public final class AddressPolicy {

  /** Resolves a host name to its addresses (tests swap in a fixed table; no real DNS). */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** Why a URL may not be fetched; {@link #code()} is the dead letter's reason code. */
  public static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    Refusal(String code, String message) {
      super(message);
      this.code = code;
    }

    /**
     * {@code blocked_address}, {@code unsupported_scheme}, {@code no_host} or {@code unresolved}.
     */
    public String code() {
      return code;
    }
  }

  /** A checked URL: the host as written and the one address to connect to. */
  public record Target(String host, int port, InetAddress address, boolean https) {}

  private record Cidr(byte[] network, int bits) {
    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (b[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (b[full] & mask) == (network[full] & mask);
    }
  }

  private record HostRule(String host, int port) {}

  private static final List<Cidr> EXTRA_BLOCKED =
      List.of(
          cidr("0.0.0.0/8"),
          cidr("100.64.0.0/10"),
          cidr("192.0.0.0/24"),
          cidr("192.0.2.0/24"),
          cidr("198.18.0.0/15"),
          cidr("198.51.100.0/24"),
          cidr("203.0.113.0/24"),
          cidr("240.0.0.0/4"),
          cidr("fc00::/7"),
          cidr("2001:db8::/32"),
          cidr("2001::/32"), // Teredo: tunnels to an address we cannot check
          cidr("100::/64"));

  private final List<Cidr> allowedNetworks;
  private final List<HostRule> allowedHosts;
  private final Resolver resolver;

  /**
   * @param allowNetworks CIDRs (e.g. {@code 10.1.0.0/16}, {@code 127.0.0.1/32}) that are allowed
   *     although private or loopback
   * @param allowHosts {@code HOST} or {@code HOST:PORT} that are allowed whatever they resolve to
   */
  public AddressPolicy(List<String> allowNetworks, List<String> allowHosts, Resolver resolver) {
    this.allowedNetworks = allowNetworks.stream().map(AddressPolicy::cidr).toList();
    this.allowedHosts = allowHosts.stream().map(AddressPolicy::hostRule).toList();
    this.resolver = resolver;
  }

  /** The policy with the system resolver. */
  public AddressPolicy(List<String> allowNetworks, List<String> allowHosts) {
    this(allowNetworks, allowHosts, InetAddress::getAllByName);
  }

  /** Checks a URL before any connection: scheme, host, and every address the host resolves to. */
  public Target check(String url) throws Refusal {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new Refusal("malformed_url", "malformed URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Refusal(
          "unsupported_scheme", "scheme '" + scheme + "' is not fetched (only http and https)");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new Refusal("no_host", "URL has no host");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    bare = bare.toLowerCase(Locale.ROOT);
    boolean https = scheme.equals("https");
    int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
    InetAddress[] all;
    try {
      all = resolver.resolve(bare);
    } catch (UnknownHostException e) {
      throw new Refusal("unresolved", "host " + bare + " does not resolve");
    }
    if (all == null || all.length == 0) {
      throw new Refusal("unresolved", "host " + bare + " does not resolve");
    }
    boolean hostAllowed = hostAllowed(bare, port);
    for (InetAddress a : all) {
      if (hostAllowed || allowed(a)) {
        return new Target(bare, port, a, https);
      }
    }
    throw new Refusal(
        "blocked_address",
        "host " + bare + " resolves to " + all[0].getHostAddress() + ", a non-public address");
  }

  private boolean hostAllowed(String host, int port) {
    for (HostRule r : allowedHosts) {
      if (r.host.equals(host) && (r.port == -1 || r.port == port)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an address may be connected to: public, or inside an allowed network. */
  public boolean allowed(InetAddress a) {
    for (Cidr c : allowedNetworks) {
      if (c.contains(a)) {
        return true;
      }
    }
    return isPublic(a);
  }

  /** Public unicast: not loopback, private, link-local, multicast, unspecified or reserved. */
  public static boolean isPublic(InetAddress a) {
    if (a instanceof Inet6Address) {
      byte[] b = a.getAddress();
      InetAddress embedded = embeddedV4(b);
      if (embedded != null) {
        return isPublic(embedded);
      }
    }
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (b.length == 4 && (b[0] & 0xff) == 255) {
      return false;
    }
    for (Cidr c : EXTRA_BLOCKED) {
      if (c.contains(a)) {
        return false;
      }
    }
    return true;
  }

  /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, 6to4 or NAT64 IPv6 address. */
  private static InetAddress embeddedV4(byte[] b) {
    try {
      boolean zero10 = true;
      for (int i = 0; i < 10; i++) {
        zero10 &= b[i] == 0;
      }
      if (zero10
          && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
        // ::ffff:a.b.c.d (mapped) or ::a.b.c.d (compatible; :: and ::1 land here too)
        return Inet4Address.getByAddress(Arrays.copyOfRange(b, 12, 16));
      }
      if (b[0] == 0x20 && b[1] == 0x02) {
        return Inet4Address.getByAddress(Arrays.copyOfRange(b, 2, 6));
      }
      boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
      for (int i = 4; i < 12 && nat64; i++) {
        nat64 = b[i] == 0;
      }
      if (nat64) {
        return Inet4Address.getByAddress(Arrays.copyOfRange(b, 12, 16));
      }
      return null;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Parses {@code a.b.c.d/n} or {@code v6::/n}; a bare address means the single host. */
  static Cidr cidr(String spec) {
    String s = spec.strip();
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    byte[] net;
    try {
      if (!addr.matches("[0-9a-fA-F:.]+")) {
        throw new IllegalArgumentException("not an IP network: " + spec);
      }
      net = InetAddress.getByName(addr).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP network: " + spec, e);
    }
    int bits = slash < 0 ? net.length * 8 : Integer.parseInt(s.substring(slash + 1));
    if (bits < 0 || bits > net.length * 8) {
      throw new IllegalArgumentException("bad prefix length in " + spec);
    }
    return new Cidr(net, bits);
  }

  private static HostRule hostRule(String spec) {
    String s = spec.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty allowed host");
    }
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      String h = s.substring(1, end);
      String rest = s.substring(end + 1);
      return new HostRule(h, rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : -1);
    }
    int colon = s.lastIndexOf(':');
    if (colon > 0 && s.indexOf(':') == colon) {
      return new HostRule(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
    }
    return new HostRule(s, -1);
  }

  /** Validates allow-lists eagerly (config start-up); throws naming the bad entry. */
  public static void validate(List<String> networks, List<String> hosts) {
    List<String> bad = new ArrayList<>();
    for (String n : networks) {
      try {
        cidr(n);
      } catch (RuntimeException e) {
        bad.add(n);
      }
    }
    for (String h : hosts) {
      try {
        hostRule(h);
      } catch (RuntimeException e) {
        bad.add(h);
      }
    }
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException("not a network or host: " + bad);
    }
  }
}
