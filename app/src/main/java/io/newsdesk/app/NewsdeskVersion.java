package io.newsdesk.app;

import picocli.CommandLine.IVersionProvider;

/** The version, from the jar manifest when there is one. */
public final class NewsdeskVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Newsdesk.class.getPackage().getImplementationVersion();
    return new String[] {"newsdesk " + (v == null ? "dev" : v)};
  }
}
