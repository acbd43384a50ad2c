package dev.destek.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** One HTTP API route: decode the request, call one service, encode the outcome. */
@FunctionalInterface
public interface Route {
    APIGatewayV2HTTPResponse handle(HttpRequest request);
}
