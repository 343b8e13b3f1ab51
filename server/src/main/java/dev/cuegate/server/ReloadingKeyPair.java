package dev.cuegate.server;

import com.linecorp.armeria.common.TlsKeyPair;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API port's certificate and key, read again whenever either file changes, so a renewed
 * certificate is served without a restart. A pair that cannot be read, or whose key does not
 * belong to its certificate (one file replaced, the other not yet), is not used: the previous
 * pair stays until the files agree.
 */
final class ReloadingKeyPair implements Supplier<TlsKeyPair> {
  private static final Logger log = LoggerFactory.getLogger(ReloadingKeyPair.class);

  private final Path certFile;
  private final Path keyFile;
  private List<FileTime> stamp;
  private TlsKeyPair current;

  /**
   * Reads the pair once.
   *
   * @throws IllegalArgumentException when the files do not hold a matching PEM certificate chain
   *     and PKCS#8 private key
   */
  ReloadingKeyPair(Path certFile, Path keyFile) {
    this.certFile = certFile;
    this.keyFile = keyFile;
    this.stamp = stamp();
    this.current = read();
  }

  @Override
  public synchronized TlsKeyPair get() {
    List<FileTime> now = stamp();
    if (!now.equals(stamp)) {
      try {
        current = read();
        stamp = now;
        log.info("TLS certificate reloaded from {}", certFile);
      } catch (IllegalArgumentException e) {
        log.warn("TLS certificate not reloaded, still serving the previous one: {}", e.getMessage());
      }
    }
    return current;
  }

  private List<FileTime> stamp() {
    try {
      return List.of(Files.getLastModifiedTime(certFile), Files.getLastModifiedTime(keyFile));
    } catch (IOException e) {
      // A file being replaced may be briefly missing; try again next time.
      return stamp;
    }
  }

  private TlsKeyPair read() {
    TlsKeyPair pair;
    try {
      byte[] key = Files.readAllBytes(keyFile);
      byte[] cert = Files.readAllBytes(certFile);
      pair = TlsKeyPair.of(new ByteArrayInputStream(key), new ByteArrayInputStream(cert));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + certFile + " or " + keyFile, e);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new IllegalArgumentException(
          "expected a PEM certificate chain in TLS_CERT_FILE and a PEM (PKCS#8) private key in"
              + " TLS_KEY_FILE: "
              + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()),
          e);
    }
    if (pair.certificateChain().isEmpty()) {
      throw new IllegalArgumentException("TLS_CERT_FILE holds no certificate");
    }
    requireMatch(pair.privateKey(), pair.certificateChain().get(0).getPublicKey());
    return pair;
  }

  /** Signs a random challenge with the key and checks it with the certificate's public key. */
  private static void requireMatch(PrivateKey key, PublicKey certificateKey) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          default -> null;
        };
    if (algorithm == null) {
      return;
    }
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificateKey);
      verifier.update(challenge);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false;
    }
    if (!matches) {
      throw new IllegalArgumentException(
          "the private key in TLS_KEY_FILE does not belong to the certificate in TLS_CERT_FILE");
    }
  }
}
