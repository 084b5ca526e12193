package dev.leakproof.model;

/**
 * A model shipped "in a library jar": registered in the test resources' META-INF/services, so that
 * the checks load it as they would a provider on the annotation processor path. Its entries name
 * types that exist only in the test that uses them, so other tests never see them match.
 */
public final class TestModelProvider implements ModelProvider {
  @Override
  public String name() {
    return "test-provider";
  }

  @Override
  public String model() {
    return "acquire com.example.pool.LeasePool#lease\nrelease com.example.pool.Lease#giveBack\n";
  }
}
