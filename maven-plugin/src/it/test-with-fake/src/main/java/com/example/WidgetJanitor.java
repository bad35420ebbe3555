package com.example;

import com.example.cloud.demo.v20240101.DeleteWidgetRequest;
import com.example.cloud.demo.v20240101.DemoClient;
import com.example.cloud.demo.v20240101.DemoException;
import com.example.cloud.demo.v20240101.DescribeWidgetsRequest;
import com.example.cloud.demo.v20240101.Widget;
import java.util.ArrayList;
import java.util.List;

/** The user's own code: deletes every widget larger than a size, and says which it deleted. */
public final class WidgetJanitor {

    private final DemoClient client;

    public WidgetJanitor(DemoClient client) {
        this.client = client;
    }

    /** The widgets larger than {@code size} that it deleted; one already gone is skipped. */
    public List<String> deleteLargerThan(long size) {
        List<String> deleted = new ArrayList<>();
        for (Widget widget : client.describeWidgetsPaginator(DescribeWidgetsRequest.builder().limit(100).build())
                .items()) {
            if (widget.size() > size) {
                try {
                    client.deleteWidget(DeleteWidgetRequest.builder().widgetId(widget.widgetId()).build());
                    deleted.add(widget.widgetId());
                } catch (DemoException e) {
                    if (!e.code().equals("ResourceNotFound")) {
                        throw e;
                    }
                }
            }
        }
        return deleted;
    }
}
