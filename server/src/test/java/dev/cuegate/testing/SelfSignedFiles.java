package dev.cuegate.testing;

import com.linecorp.armeria.common.TlsKeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed certificate for {@code localhost} generated for a test, as PEM files. */
public record SelfSignedFiles(Path cert, Path key, X509Certificate certificate) {

  /** Writes {@code <name>.crt} and {@code <name>.key} (PKCS#8) into {@code dir}. */
  public static SelfSignedFiles create(Path dir, String name) throws IOException {
    TlsKeyPair pair = TlsKeyPair.ofSelfSigned("localhost");
    X509Certificate certificate = pair.certificateChain().get(0);
    Path cert = dir.resolve(name + ".crt");
    Path key = dir.resolve(name + ".key");
    try {
      Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
    Files.writeString(key, pem("PRIVATE KEY", pair.privateKey().getEncoded()));
    return new SelfSignedFiles(cert, key, certificate);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  /** A client context that trusts only this certificate. */
  public SSLContext trustingContext() {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("test", certificate);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
