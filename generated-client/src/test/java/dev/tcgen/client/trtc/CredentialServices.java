package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.SECRET_ID;
import static dev.tcgen.client.trtc.TestClients.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.trtc.FakeTrtcServer.Received;
import dev.tcgen.runtime.testing.FakeCredentialsServer.Request;
import dev.tcgen.runtime.testing.FakeMetadataServer;
import dev.tcgen.runtime.testing.FakeStsServer;
import dev.tcgen.runtime.testing.VirtualTime;
import java.io.IOException;
import java.util.function.Function;

/**
 * What the credentials tests run against: a TRTC server that verifies signatures made with the test keys, and local
 * fakes of the CVM metadata service and STS that issue those keys as temporary credentials (with numbered tokens),
 * all on one manual virtual clock.
 */
final class CredentialServices implements AutoCloseable {

    final VirtualTime time = VirtualTime.manual();
    final FakeMetadataServer metadata = new FakeMetadataServer(time.clock());
    final FakeStsServer sts;
    final FakeTrtcServer server;

    /** @param assumeRoleCheck why an AssumeRole request's signature is wrong, or {@code null} */
    CredentialServices(Function<Request, String> assumeRoleCheck) throws IOException {
        sts = new FakeStsServer(time.clock(), assumeRoleCheck);
        server = TestClients.server(request -> TestClients.echo(request, "req-ok"));
        metadata.keys(SECRET_ID, SECRET_KEY);
        sts.keys(SECRET_ID, SECRET_KEY);
    }

    /** The last request the TRTC server received, whose signature must have verified. */
    Received lastRequest() {
        Received received = server.received().get(server.received().size() - 1);
        assertTrue(received.signatureValid(), received.signatureProblem());
        return received;
    }

    @Override
    public void close() {
        server.close();
        metadata.close();
        sts.close();
    }
}
