package io.newsdesk.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET over a socket connected to the address the {@link AddressPolicy} checked, so no
 * second DNS lookup happens (DNS rebinding cannot swap the address). For https the TLS handshake
 * still names the URL's host: SNI carries it and the certificate must match it (endpoint
 * identification "HTTPS"). Every read is bounded by the fetch deadline, headers and body together,
 * so a silent, trickling or endless server is cut; bodies are cut at a byte limit.
 */
final class PinnedHttp {

  /** A response: status, headers by lower-case name (first value), body as sent on the wire. */
  record Reply(int status, Map<String, String> headers, byte[] body) {}

  /**
   * A fetch cut by a limit: {@code timeout} (no response headers in time), {@code fetch_deadline}
   * (headers came, the body did not finish in time) or {@code too_large}; {@link #received()} holds
   * the first bytes of the body that did arrive.
   */
  static final class Cut extends IOException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final transient byte[] received;
    private final transient Map<String, String> headers;

    Cut(String code, String message, byte[] received, Map<String, String> headers) {
      super(message);
      this.code = code;
      this.received = received;
      this.headers = headers;
    }

    String code() {
      return code;
    }

    byte[] received() {
      return received;
    }

    Map<String, String> headers() {
      return headers;
    }
  }

  /** The thread was interrupted while waiting for the server. */
  static final class Interrupted extends IOException {
    private static final long serialVersionUID = 1L;

    Interrupted() {
      super("interrupted");
    }
  }

  /** How much of a cut body a dead letter keeps. */
  static final int RECEIVED_CAP = 64 * 1024;

  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int MAX_HEADER_LINES = 200;
  private static final long SLICE_MS = 500;

  private PinnedHttp() {}

  /**
   * GETs {@code uri} from {@code target}'s address.
   *
   * @param headers request headers besides Host and Connection (values must be single lines)
   * @param deadlineNanos {@link System#nanoTime()} by which the whole response must have arrived
   */
  static Reply get(
      URI uri,
      AddressPolicy.Target target,
      Map<String, String> headers,
      long connectTimeoutMs,
      long deadlineNanos,
      long maxBody,
      SSLSocketFactory tls)
      throws IOException {
    long remaining = remainingMs(deadlineNanos);
    if (remaining <= 0) {
      throw new Cut("timeout", "fetch deadline passed before connecting", new byte[0], Map.of());
    }
    Socket raw = new Socket();
    Socket socket = raw;
    try {
      try {
        raw.connect(
            new InetSocketAddress(target.address(), target.port()),
            (int) Math.max(1, Math.min(connectTimeoutMs, remaining)));
      } catch (SocketTimeoutException e) {
        throw new Cut("timeout", "connect timeout", new byte[0], Map.of());
      }
      raw.setTcpNoDelay(true);
      String host = bareHost(uri.getHost());
      if (target.https()) {
        socket = handshake(raw, host, target.port(), tls, deadlineNanos);
      }
      OutputStream out = socket.getOutputStream();
      out.write(request(uri, host, target, headers).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      DeadlineInput in = new DeadlineInput(socket, deadlineNanos);
      Map<String, String> responseHeaders = new LinkedHashMap<>();
      int status;
      do {
        responseHeaders.clear();
        status = readHead(in, responseHeaders);
      } while (status >= 100 && status < 200);
      byte[] body = readBody(in, status, responseHeaders, maxBody);
      return new Reply(status, responseHeaders, body);
    } finally {
      // Closing the TCP socket under a TLS one skips close_notify, which would wait for the peer.
      try {
        raw.close();
      } catch (IOException ignored) {
        // closing a socket we are done with
      }
    }
  }

  private static SSLSocket handshake(
      Socket raw, String host, int port, SSLSocketFactory tls, long deadlineNanos)
      throws IOException {
    SSLSocket ssl = (SSLSocket) tls.createSocket(raw, host, port, true);
    SSLParameters params = ssl.getSSLParameters();
    // The certificate must name the URL's host, though we connected to an address.
    params.setEndpointIdentificationAlgorithm("HTTPS");
    if (!isIpLiteral(host)) {
      params.setServerNames(List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(params);
    long remaining = remainingMs(deadlineNanos);
    if (remaining <= 0) {
      throw new Cut("timeout", "fetch deadline passed before TLS", new byte[0], Map.of());
    }
    ssl.setSoTimeout((int) Math.max(1, remaining));
    try {
      ssl.startHandshake();
    } catch (SocketTimeoutException e) {
      throw new Cut("timeout", "TLS handshake did not finish in time", new byte[0], Map.of());
    }
    return ssl;
  }

  private static String request(
      URI uri, String host, AddressPolicy.Target target, Map<String, String> headers) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    int defaultPort = target.https() ? 443 : 80;
    String hostHeader =
        (host.contains(":") ? "[" + host + "]" : host)
            + (target.port() == defaultPort ? "" : ":" + target.port());
    StringBuilder b = new StringBuilder(256);
    b.append("GET ").append(oneLine(path + query)).append(" HTTP/1.1\r\n");
    b.append("Host: ").append(oneLine(hostHeader)).append("\r\n");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      b.append(oneLine(h.getKey())).append(": ").append(oneLine(h.getValue())).append("\r\n");
    }
    b.append("Connection: close\r\n\r\n");
    return b.toString();
  }

  /** Status line and headers; names lower-cased, the first value of each kept. */
  private static int readHead(DeadlineInput in, Map<String, String> headers) throws IOException {
    int[] budget = {MAX_HEADER_BYTES};
    String statusLine;
    try {
      statusLine = readLine(in, budget);
      while (statusLine != null && statusLine.isEmpty()) {
        statusLine = readLine(in, budget);
      }
    } catch (DeadlinePassed e) {
      throw new Cut("timeout", "no response within the fetch deadline", new byte[0], Map.of());
    }
    if (statusLine == null) {
      throw new IOException("connection closed before a response");
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP response: " + truncate(statusLine));
    }
    int status;
    try {
      status = Integer.parseInt(parts[1].strip());
    } catch (NumberFormatException e) {
      throw new IOException("bad status line: " + truncate(statusLine));
    }
    try {
      for (int i = 0; ; i++) {
        String line = readLine(in, budget);
        if (line == null || line.isEmpty()) {
          break;
        }
        if (i >= MAX_HEADER_LINES) {
          throw new IOException("more than " + MAX_HEADER_LINES + " response headers");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        headers.putIfAbsent(name, line.substring(colon + 1).strip());
      }
    } catch (DeadlinePassed e) {
      throw new Cut("timeout", "response headers did not finish in time", new byte[0], headers);
    }
    return status;
  }

  private static byte[] readBody(
      DeadlineInput in, int status, Map<String, String> headers, long maxBody) throws IOException {
    if (status == 204 || status == 304) {
      return new byte[0];
    }
    Body body = new Body(maxBody, headers);
    String te = headers.get("transfer-encoding");
    try {
      if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
        readChunked(in, body);
      } else if (headers.containsKey("content-length")) {
        long length;
        try {
          length = Long.parseLong(headers.get("content-length").strip());
        } catch (NumberFormatException e) {
          throw new IOException("bad Content-Length: " + truncate(headers.get("content-length")));
        }
        if (length > maxBody) {
          throw body.tooLarge();
        }
        body.copy(in, length, true);
      } else {
        body.copy(in, Long.MAX_VALUE, false);
      }
    } catch (DeadlinePassed e) {
      throw new Cut(
          "fetch_deadline",
          "body not complete within the fetch deadline (" + body.size() + " bytes received)",
          body.head(),
          headers);
    }
    return body.bytes();
  }

  private static void readChunked(DeadlineInput in, Body body) throws IOException {
    int[] budget = {MAX_HEADER_BYTES};
    while (true) {
      String line = readLine(in, budget);
      if (line == null) {
        throw new IOException("chunked body ended early");
      }
      int semi = line.indexOf(';');
      String hex = (semi >= 0 ? line.substring(0, semi) : line).strip();
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + truncate(line));
      }
      if (size < 0) {
        throw new IOException("bad chunk size: " + truncate(line));
      }
      if (size == 0) {
        // Trailers, up to the empty line (a server that hangs up here has sent everything).
        String t;
        do {
          t = readLine(in, budget);
        } while (t != null && !t.isEmpty());
        return;
      }
      body.copy(in, size, true);
      budget[0] = MAX_HEADER_BYTES;
      String end = readLine(in, budget);
      if (end == null) {
        throw new IOException("chunked body ended early");
      }
    }
  }

  /** A line up to CRLF (or LF), as Latin-1; null at end of stream before any byte. */
  private static String readLine(DeadlineInput in, int[] budget) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    while (true) {
      int c = in.read();
      if (c < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (--budget[0] < 0) {
        throw new IOException("response headers larger than " + MAX_HEADER_BYTES + " bytes");
      }
      if (c == '\n') {
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(c);
    }
  }

  /** A growing body that refuses to pass its limit. */
  private static final class Body {
    private final long max;
    private final Map<String, String> headers;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Body(long max, Map<String, String> headers) {
      this.max = max;
      this.headers = headers;
    }

    void copy(DeadlineInput in, long length, boolean exact) throws IOException {
      byte[] buf = new byte[16384];
      long left = length;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          if (exact) {
            throw new IOException("body ended after " + out.size() + " bytes, before its length");
          }
          return;
        }
        out.write(buf, 0, n);
        left -= n;
        if (out.size() > max) {
          throw tooLarge();
        }
      }
    }

    Cut tooLarge() {
      return new Cut("too_large", "body larger than " + max + " bytes", head(), headers);
    }

    int size() {
      return out.size();
    }

    byte[] head() {
      byte[] all = out.toByteArray();
      return all.length <= RECEIVED_CAP ? all : Arrays.copyOf(all, RECEIVED_CAP);
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  /** The deadline passed while waiting for bytes. */
  private static final class DeadlinePassed extends IOException {
    private static final long serialVersionUID = 1L;

    DeadlinePassed() {
      super("fetch deadline passed");
    }
  }

  /**
   * A buffered socket input whose reads wait at most until the deadline, in short slices so an
   * interrupt is noticed.
   */
  private static final class DeadlineInput {
    private final Socket socket;
    private final InputStream in;
    private final long deadlineNanos;
    private final byte[] buf = new byte[16384];
    private int pos;
    private int limit;

    DeadlineInput(Socket socket, long deadlineNanos) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.deadlineNanos = deadlineNanos;
    }

    int read() throws IOException {
      if (pos >= limit && !fill()) {
        return -1;
      }
      return buf[pos++] & 0xff;
    }

    int read(byte[] b, int off, int len) throws IOException {
      if (pos >= limit && !fill()) {
        return -1;
      }
      int n = Math.min(len, limit - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }

    private boolean fill() throws IOException {
      while (true) {
        if (Thread.currentThread().isInterrupted()) {
          throw new Interrupted();
        }
        long remaining = remainingMs(deadlineNanos);
        if (remaining <= 0) {
          throw new DeadlinePassed();
        }
        // Plain sockets wait in short slices so an interrupt is noticed; a TLS socket waits in one
        // piece (a timeout inside a TLS record would leave the record half read).
        long wait = socket instanceof SSLSocket ? remaining : Math.min(SLICE_MS, remaining);
        socket.setSoTimeout((int) Math.max(1, wait));
        try {
          int n = in.read(buf, 0, buf.length);
          if (n < 0) {
            return false;
          }
          pos = 0;
          limit = n;
          if (n > 0) {
            return true;
          }
        } catch (SocketTimeoutException e) {
          // next slice: check the deadline and interrupts again
        }
      }
    }
  }

  private static long remainingMs(long deadlineNanos) {
    return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
  }

  /** The host without IPv6 brackets. */
  static String bareHost(String host) {
    if (host != null && host.startsWith("[") && host.endsWith("]")) {
      return host.substring(1, host.length() - 1);
    }
    return host;
  }

  private static boolean isIpLiteral(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }

  private static String oneLine(String s) {
    return s.replace("\r", "").replace("\n", "");
  }

  private static String truncate(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return oneLine(t);
  }
}
