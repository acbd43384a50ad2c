package dev.destek.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

@ExtendWith(DynaliteExtension.class)
class DestekTableTest {

    @Test
    void create_existingTable_shouldLeaveItActiveWithItsIndex(DynamoTable table) {
        // GIVEN a table the extension already created

        // WHEN
        DestekTable.create(table.client(), table.tableName());

        // THEN
        var description = table.client().describeTable(request -> request.tableName(table.tableName())).table();
        assertThat(description.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(description.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(description.globalSecondaryIndexes()).singleElement()
                .satisfies(index -> assertThat(index.indexName()).isEqualTo(DestekTable.GSI1));
        assertThat(description.keySchema()).extracting(key -> key.attributeName())
                .containsExactly(DestekTable.PK, DestekTable.SK);
    }
}
