package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FakeCallsTest {

    record Ask(String what) {}

    @Test
    void answersWithTheDocumentedAnswerUntilStubbedAndRecordsEveryCall() {
        FakeCalls calls = new FakeCalls();
        assertEquals("documented", calls.answer("Ask", "ap-guangzhou", new Ask("a"), String.class, () -> "documented"));
        calls.<Ask>stub("Ask", ask -> "stubbed " + ask.what());
        assertEquals("stubbed b", calls.answer("Ask", null, new Ask("b"), String.class, () -> "documented"));
        assertEquals(List.of(new FakeCalls.Call("Ask", "ap-guangzhou", new Ask("a")), new FakeCalls.Call("Ask", null,
                new Ask("b"))), calls.calls());
        assertEquals(List.of(new Ask("a"), new Ask("b")), calls.requests(Ask.class));
        assertEquals(List.of(), calls.requests(String.class));
        calls.reset();
        assertEquals(List.of(), calls.calls());
        assertEquals("documented", calls.answer("Ask", null, new Ask("c"), String.class, () -> "documented"));
    }

    @Test
    void aFailureIsThrownAndAnAsyncAnswerCompletesWithIt() {
        FakeCalls calls = new FakeCalls();
        TencentCloudException failure = new TencentCloudException("ResourceNotFound", "no", "r-1", 200, null);
        calls.fail("Ask", failure);
        assertSame(failure, assertThrows(TencentCloudException.class,
                () -> calls.answer("Ask", null, new Ask("a"), String.class, () -> "documented")));
        assertSame(failure, assertThrows(CompletionException.class, () -> FakeCalls.async(
                () -> calls.answer("Ask", null, new Ask("a"), String.class, () -> "documented")).join()).getCause());
        assertEquals(2, calls.calls().size());
    }

    @Test
    void readsTheResponseObjectOfAnExampleWithItsCodec() {
        String response = FakeCalls.example("Ask", Json::readText, "{\"Response\":{\"Total\":3,\"RequestId\":\"r\"}}");
        assertEquals("{\"Total\":3,\"RequestId\":\"r\"}", response);
        IllegalStateException noResponse = assertThrows(IllegalStateException.class,
                () -> FakeCalls.example("Ask", Json::readText, "{\"Total\":3}"));
        assertEquals("the documented example answer of Ask has no Response object; stub Ask instead",
                noResponse.getMessage());
        IllegalStateException notJson = assertThrows(IllegalStateException.class,
                () -> FakeCalls.example("Ask", Json::readText, "{\"Response\":"));
        assertTrue(notJson.getMessage().startsWith("the documented example answer of Ask is not JSON ("),
                notJson.getMessage());
    }
}
