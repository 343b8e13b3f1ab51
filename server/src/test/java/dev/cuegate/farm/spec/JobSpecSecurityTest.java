package dev.cuegate.farm.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A spec is user input: entities and DTDs must never be resolved. A local socket that nobody
 * accepts on and a named pipe that nobody writes to catch any attempt to fetch or read: a fetch
 * would leave a pending connection, a read of the pipe would block until the time limit.
 */
class JobSpecSecurityTest {
  private static final String BODY =
      "<spec><show>testing</show><shot>sh01</shot><user>jdoe</user></spec>";
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @TempDir Path directory;
  private ServerSocketChannel listener;
  private String url;

  @BeforeEach
  void listen() throws IOException {
    listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    listener.configureBlocking(false);
    url = "http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort();
  }

  @AfterEach
  void close() throws IOException {
    listener.close();
  }

  @Test
  void anExternalEntityNamingAFileIsNotRead() throws IOException {
    Path secret = Files.writeString(directory.resolve("secret"), "SECRET-MARKER");
    String xml =
        "<!DOCTYPE spec [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
            + BODY.replace("testing", "&xxe;");

    assertThatThrownBy(() -> parseInTime(xml))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("internal subset")
        .hasMessageNotContaining("SECRET-MARKER");
  }

  @Test
  void anExternalEntityNamingAPipeIsNeverOpened() throws Exception {
    Path pipe = directory.resolve("pipe");
    assumeTrue(mkfifo(pipe), "named pipes are not available here");
    String xml =
        "<!DOCTYPE spec [<!ENTITY xxe SYSTEM \"" + pipe.toUri() + "\">]>"
            + BODY.replace("testing", "&xxe;");

    assertThatThrownBy(() -> parseInTime(xml)).isInstanceOf(SpecException.class);
  }

  @Test
  void anExternalEntityNamingAUrlIsNotFetched() throws IOException {
    String xml =
        "<!DOCTYPE spec [<!ENTITY xxe SYSTEM \"" + url + "/entity\">]>"
            + BODY.replace("testing", "&xxe;");

    assertThatThrownBy(() -> parseInTime(xml)).isInstanceOf(SpecException.class);
    assertThat(listener.accept()).as("a connection to the entity's URL").isNull();
  }

  @Test
  void aParameterEntityIsNotFetched() throws IOException {
    String xml = "<!DOCTYPE spec [<!ENTITY % remote SYSTEM \"" + url + "/evil.dtd\"> %remote;]>"
        + BODY;

    assertThatThrownBy(() -> parseInTime(xml)).isInstanceOf(SpecException.class);
    assertThat(listener.accept()).as("a connection to the parameter entity's URL").isNull();
  }

  @Test
  void anExternalDtdOfOpenCueIsNamedButNeverFetched() throws IOException {
    String xml = "<!DOCTYPE spec SYSTEM \"" + url + "/spcue/dtd/cjsl-1.12.dtd\">" + BODY;

    assertThat(parseInTime(xml).show()).isEqualTo("testing");
    assertThat(listener.accept()).as("a connection to the DTD's URL").isNull();
  }

  @Test
  void anExternalDtdOfAnythingElseIsRejectedAndNotFetched() throws IOException {
    String xml = "<!DOCTYPE spec PUBLIC \"x\" \"" + url + "/evil.dtd\">" + BODY;

    assertThatThrownBy(() -> parseInTime(xml))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("a spec names cjsl-1.N.dtd");
    assertThat(listener.accept()).as("a connection to the DTD's URL").isNull();
  }

  @Test
  void aFileDtdIsRejectedAndNotRead() throws Exception {
    Path pipe = directory.resolve("spec.dtd");
    assumeTrue(mkfifo(pipe), "named pipes are not available here");
    String xml = "<!DOCTYPE spec SYSTEM \"" + pipe.toUri() + "\">" + BODY;

    assertThatThrownBy(() -> parseInTime(xml)).isInstanceOf(SpecException.class);
  }

  @Test
  void billionLaughsFailsAtOnce() {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE spec [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      doctype.append("<!ENTITY lol").append(i).append(" \"");
      doctype.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String xml = doctype + "]>" + BODY.replace("testing", "&lol9;");

    assertThatThrownBy(() -> parseInTime(xml))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("internal subset");
  }

  @Test
  void anUndeclaredEntityIsRejected() {
    String xml = BODY.replace("testing", "&lol;");

    assertThatThrownBy(() -> parseInTime(xml))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("lol")
        .hasMessageContaining("line 1, column");
  }

  @Test
  void xincludeIsNotProcessed() throws IOException {
    Path secret = Files.writeString(directory.resolve("include.xml"), "<show>SECRET</show>");
    String xml =
        "<spec xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\""
            + secret.toUri() + "\"/><shot>sh01</shot><user>jdoe</user></spec>";

    assertThatThrownBy(() -> parseInTime(xml))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("is in a namespace")
        .hasMessageNotContaining("SECRET");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!DOCTYPE spec PUBLIC \"SPI Cue Specification Language\" "
            + "\"http://localhost:8080/spcue/dtd/cjsl-1.12.dtd\">",
        "<!DOCTYPE spec SYSTEM \"cjsl-1.15.dtd\">",
        "<!DOCTYPE spec SYSTEM 'cjsl-1.5.dtd'>",
        "<!DOCTYPE spec>",
      })
  void openCueDoctypesAreAccepted(String doctype) {
    assertThat(parseInTime(doctype + BODY).user()).isEqualTo("jdoe");
  }

  @Test
  void aLongDoctypeAfterCommentsIsReadWhole() {
    String doctype =
        "<?xml version=\"1.0\"?>\n<!-- <!DOCTYPE job> -->\n<!DOCTYPE spec PUBLIC \""
            + "x".repeat(5000) + "\" \"http://localhost:8080/" + "dtd/".repeat(1000)
            + "cjsl-1.14.dtd\">";

    assertThat(parseInTime(doctype + BODY).shot()).isEqualTo("sh01");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!DOCTYPE spec SYSTEM \"cjsl-1.16.dtd\">",
        "<!DOCTYPE spec SYSTEM \"cjsl-2.0.dtd\">",
        "<!DOCTYPE spec SYSTEM \"/etc/passwd\">",
        "<!DOCTYPE job SYSTEM \"cjsl-1.12.dtd\">",
      })
  void otherDoctypesAreRejected(String doctype) {
    assertThatThrownBy(() -> parseInTime(doctype + BODY))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("DOCTYPE");
  }

  private static JobSpec parseInTime(String xml) {
    return assertTimeoutPreemptively(LIMIT, () -> JobSpecParser.parse(xml));
  }

  private static boolean mkfifo(Path path) throws IOException, InterruptedException {
    try {
      Process process = new ProcessBuilder("mkfifo", path.toString()).start();
      return process.waitFor() == 0 && Files.exists(path);
    } catch (IOException e) {
      return false;
    }
  }
}
