package dev.destek.aws.testsupport;

import dev.destek.aws.AwsSettings;
import dev.destek.emulators.S3ProxyServer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** A freshly created bucket on the shared S3Proxy, with clients built by {@code AwsClients}. */
public record S3Bucket(S3ProxyServer server, AwsSettings settings, S3Client client, S3Presigner presigner,
                       String name) { }
