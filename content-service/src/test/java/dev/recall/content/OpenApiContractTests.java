package dev.recall.content;

import dev.recall.testing.StoredContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The document this service serves is contract/openapi/content-service.json, from which the TypeScript client is generated. */
@QuarkusTest
class OpenApiContractTests {

    @Test
    void servedDocumentIsTheStoredContract() {
        String served = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        assertThat(StoredContract.check("content-service", served))
                .as("the served OpenAPI document differs from contract/openapi/content-service.json; if the change is meant, run this test "
                        + "with RECALL_CONTRACT_UPDATE=true, then (cd clients/typescript && npm run generate)")
                .isEmpty();
    }
}
