package io.newsdesk.app.http;

import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where the enrich state stores live: this instance, and the instances that hold a store's
 * partitions, as each advertises its {@code application.server} (its HTTP address).
 */
public interface StoreHosts {

  /** A store's hosts are not known right now (starting, rebalancing): answer 503 and retry. */
  final class UnavailableException extends RuntimeException {
    public UnavailableException(String message) {
      super(message);
    }
  }

  /** This instance, as it advertises itself. */
  HostInfo self();

  /** The instances holding active tasks of {@code store}, this one included when it does. */
  List<HostInfo> hostsOf(String store);

  /** The instance holding {@code key} of {@code store} (keys are strings in every API store). */
  HostInfo ownerOf(String store, String key);

  /** The hosts of a running Streams application, from its metadata. */
  static StoreHosts of(KafkaStreams streams, HostInfo self) {
    return new StoreHosts() {
      @Override
      public HostInfo self() {
        return self;
      }

      @Override
      public List<HostInfo> hostsOf(String store) {
        Collection<StreamsMetadata> all;
        try {
          all = streams.streamsMetadataForStore(store);
        } catch (RuntimeException e) {
          throw new UnavailableException("enrich is " + streams.state() + ": " + e.getMessage());
        }
        List<HostInfo> hosts = all.stream().map(StreamsMetadata::hostInfo).distinct().toList();
        if (hosts.isEmpty()) {
          throw new UnavailableException(
              "no enrich instance holds " + store + " yet (enrich is " + streams.state() + ")");
        }
        return hosts;
      }

      @Override
      public HostInfo ownerOf(String store, String key) {
        KeyQueryMetadata m;
        try {
          m = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (RuntimeException e) {
          throw new UnavailableException("enrich is " + streams.state() + ": " + e.getMessage());
        }
        if (m == null || KeyQueryMetadata.NOT_AVAILABLE.equals(m)) {
          throw new UnavailableException(
              "no enrich instance holds " + store + " yet (enrich is " + streams.state() + ")");
        }
        return m.activeHost();
      }
    };
  }

  /** A single instance that holds every store (one Streams instance, or a test driver). */
  static StoreHosts alone(HostInfo self) {
    return new StoreHosts() {
      @Override
      public HostInfo self() {
        return self;
      }

      @Override
      public List<HostInfo> hostsOf(String store) {
        return List.of(self);
      }

      @Override
      public HostInfo ownerOf(String store, String key) {
        return self;
      }
    };
  }
}
