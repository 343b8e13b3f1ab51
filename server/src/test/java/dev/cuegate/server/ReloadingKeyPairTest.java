package dev.cuegate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linecorp.armeria.common.TlsKeyPair;
import dev.cuegate.testing.SelfSignedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingKeyPairTest {
  @TempDir Path dir;

  @Test
  void aRenewedCertificateIsPickedUp() throws IOException {
    SelfSignedFiles first = SelfSignedFiles.create(dir, "first");
    SelfSignedFiles second = SelfSignedFiles.create(dir, "second");
    Path cert = copy(first.cert(), "api.crt", 1);
    Path key = copy(first.key(), "api.key", 1);
    ReloadingKeyPair pair = new ReloadingKeyPair(cert, key);
    assertThat(leaf(pair.get())).isEqualTo(first.certificate());

    copy(second.cert(), "api.crt", 2);
    copy(second.key(), "api.key", 2);

    assertThat(leaf(pair.get())).isEqualTo(second.certificate());
  }

  @Test
  void aHalfReplacedPairKeepsThePreviousOne() throws IOException {
    SelfSignedFiles first = SelfSignedFiles.create(dir, "first");
    SelfSignedFiles second = SelfSignedFiles.create(dir, "second");
    Path cert = copy(first.cert(), "api.crt", 1);
    Path key = copy(first.key(), "api.key", 1);
    ReloadingKeyPair pair = new ReloadingKeyPair(cert, key);

    copy(second.cert(), "api.crt", 2);

    assertThat(leaf(pair.get())).isEqualTo(first.certificate());
    copy(second.key(), "api.key", 3);
    assertThat(leaf(pair.get())).isEqualTo(second.certificate());
  }

  @Test
  void aKeyThatDoesNotBelongToTheCertificateIsRefusedAtStart() throws IOException {
    SelfSignedFiles first = SelfSignedFiles.create(dir, "first");
    SelfSignedFiles second = SelfSignedFiles.create(dir, "second");

    assertThatThrownBy(() -> new ReloadingKeyPair(first.cert(), second.key()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TLS_KEY_FILE")
        .hasMessageContaining("does not belong");
  }

  @Test
  void aFileThatIsNotPemIsRefusedAtStart() throws IOException {
    SelfSignedFiles first = SelfSignedFiles.create(dir, "first");
    Path garbage = Files.writeString(dir.resolve("garbage.crt"), "not a certificate");

    assertThatThrownBy(() -> new ReloadingKeyPair(garbage, first.key()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TLS_CERT_FILE");
  }

  private Path copy(Path from, String name, int second) throws IOException {
    Path to = dir.resolve(name);
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(to, FileTime.from(Instant.ofEpochSecond(1_700_000_000L + second)));
    return to;
  }

  private static Object leaf(TlsKeyPair pair) {
    return pair.certificateChain().get(0);
  }
}
