package dev.cuegate.worker;

import static dev.cuegate.worker.FarmJobs.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two gateways on one PostgreSQL database, as two CueGate processes would share it. Each one
 * serialises only its own transactions, so only the database's isolation keeps them apart.
 */
class SharedDatabaseSchedulingTest {
  @RegisterExtension
  @Order(1)
  static final GatewayExtension first = new GatewayExtension().embedded(TestDatabase.POSTGRES)
      .env("WORKER_SECRET_ITERATIONS", "1000");

  @RegisterExtension
  @Order(2)
  static final GatewayExtension second = new GatewayExtension().embeddedSharing(first)
      .env("WORKER_SECRET_ITERATIONS", "1000");

  @Test
  void workersFetchingThroughTwoGatewaysAtOnceNeverShareATask() throws Exception {
    String type = unique("render");
    FarmJobs farm = new FarmJobs(first);
    String job = farm.launch(type, "1-40", 50, 1);
    List<TestWorker> workers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      TestWorker worker = TestWorker.register(first, unique("w"), type);
      workers.add(i % 2 == 0 ? worker : worker.via(second));
    }
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (TestWorker worker : workers) {
        answers.add(pool.submit(() -> {
          start.await();
          return worker.fetch();
        }));
      }
      start.countDown();
      List<String> taskIds = new ArrayList<>();
      List<Integer> others = new ArrayList<>();
      int nothing = 0;
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        if (response.statusCode() == 200) {
          taskIds.add(TestWorker.parse(response.body()).get("_id").asText());
        } else if (response.statusCode() == 204) {
          nothing++;
        } else {
          others.add(response.statusCode());
        }
      }

      assertThat(others).isEmpty();
      assertThat(taskIds).hasSize(40).doesNotHaveDuplicates();
      assertThat(nothing).isEqualTo(10);
      assertThat(new FarmJobs(second).frames(job)).hasSize(40)
          .allMatch(frame -> frame.endsWith("RUNNING 0"));
    } finally {
      pool.shutdownNow();
    }
  }
}
