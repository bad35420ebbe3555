package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.cloud.demo.v20240101.DeleteWidgetRequest;
import com.example.cloud.demo.v20240101.DemoException;
import com.example.cloud.demo.v20240101.DescribeWidgetsRequest;
import com.example.cloud.demo.v20240101.DescribeWidgetsResponse;
import com.example.cloud.demo.v20240101.FakeDemoClient;
import com.example.cloud.demo.v20240101.Region;
import com.example.cloud.demo.v20240101.Widget;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Unit tests of the user's code against the generated fake: no server, no credentials, no HTTP. */
class WidgetJanitorTest {

    @Test
    void theDocumentedExampleAnswersByDefault() {
        FakeDemoClient fake = new FakeDemoClient(Region.AP_GUANGZHOU);
        assertEquals(List.of("w-2"), new WidgetJanitor(fake).deleteLargerThan(3));
        assertEquals(List.of(DeleteWidgetRequest.builder().widgetId("w-2").build()),
                fake.requests(DeleteWidgetRequest.class));
        assertEquals(List.of("DescribeWidgets", "DeleteWidget"),
                fake.calls().stream().map(call -> call.action()).toList());
    }

    @Test
    void aStubAnswersEveryPage() {
        FakeDemoClient fake = new FakeDemoClient(Region.AP_GUANGZHOU).stubDescribeWidgets(request -> {
            long offset = request.offset() == null ? 0 : request.offset();
            return DescribeWidgetsResponse.builder().totalCount(250L)
                    .widgetSet(LongStream.range(offset, Math.min(250, offset + request.limit()))
                            .mapToObj(i -> Widget.builder().widgetId("w-" + i).size(i).build()).toList())
                    .build();
        });
        assertEquals(List.of("w-248", "w-249"), new WidgetJanitor(fake).deleteLargerThan(247));
        assertEquals(List.of(0L, 100L, 200L), fake.requests(DescribeWidgetsRequest.class).stream()
                .map(r -> r.offset() == null ? 0L : r.offset()).toList());
    }

    @Test
    void aStubbedExceptionReachesTheCode() {
        DemoException gone = new DemoException("ResourceNotFound", "no such widget", "r-2", 200, null);
        FakeDemoClient fake = new FakeDemoClient(Region.AP_GUANGZHOU).stubDeleteWidget(gone);
        assertEquals(List.of(), new WidgetJanitor(fake).deleteLargerThan(3));
        DemoException other = new DemoException("InternalError", "boom", "r-3", 200, null);
        fake.stubDeleteWidget(other);
        assertSame(other, assertThrows(DemoException.class, () -> new WidgetJanitor(fake).deleteLargerThan(3)));
    }

    @Test
    void theRegionCheckIsTheRealClients() {
        FakeDemoClient fake = new FakeDemoClient(Region.AP_SINGAPORE);
        DemoException e = assertThrows(DemoException.class, () -> new WidgetJanitor(fake).deleteLargerThan(3));
        assertEquals("ClientError.UnsupportedRegion", e.code());
        assertEquals(List.of("DescribeWidgets"), fake.calls().stream().map(call -> call.action()).toList());
    }
}
