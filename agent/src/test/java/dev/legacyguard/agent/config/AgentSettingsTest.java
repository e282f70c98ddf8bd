package dev.legacyguard.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import dev.legacyguard.agent.log.AgentLog;

class AgentSettingsTest {

    private static final String SECRET = "s3cr3t-VALUE-1234";

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final Properties systemProperties = new Properties();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = AgentLog.to(new PrintStream(logged, true));

    private Path file(String... lines) throws IOException {
        Path file = dir.resolve("logto-agent.properties");
        Files.write(file, Arrays.asList(lines), StandardCharsets.UTF_8);
        return file;
    }

    private Path validFile(String... extraLines) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Arrays.asList(
                "logto.endpoint=https://tenant.logto.app",
                "logto.app-id=m2m-app",
                "logto.app-secret=" + SECRET,
                "logto.resource.shop.indicator=https://api.shop",
                "logto.resource.shop.urls=https://shop.internal:8443/api/",
                "logto.resource.shop.scopes=read:products write:orders"));
        lines.addAll(Arrays.asList(extraLines));
        return file(lines.toArray(new String[0]));
    }

    private AgentSettings load(Path file) throws ConfigException {
        return AgentSettingsLoader.load(file.toString(), environment, systemProperties, log);
    }

    private ConfigException failure(Path file) {
        return assertThrows(ConfigException.class, () -> load(file));
    }

    private String log() {
        return new String(logged.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryKeyFromTheFileNamedByTheAgentArgument() throws Exception {
        AgentSettings settings = load(validFile("logto.on-token-failure=send-without", "logto.fail-fast=true"));
        assertEquals("https://tenant.logto.app", settings.endpoint());
        assertEquals("https://tenant.logto.app/oidc/token", settings.tokenEndpoint());
        assertEquals("m2m-app", settings.appId());
        assertEquals(SECRET, settings.appSecret());
        assertEquals(OnTokenFailure.SEND_WITHOUT, settings.onTokenFailure());
        assertTrue(settings.failFast());
        ResourceSettings shop = settings.resources().get(0);
        assertEquals("shop", shop.name());
        assertEquals("https://api.shop", shop.indicator());
        assertEquals("[https://shop.internal:8443/api/]", shop.urls().toString());
        assertEquals(Arrays.asList("read:products", "write:orders"), shop.scopes());
    }

    @Test
    void acceptsTheConfigEqualsPathFormOfTheAgentArgument() throws Exception {
        Path file = validFile();
        AgentSettings settings = AgentSettingsLoader.load("config=" + file, environment, systemProperties, log);
        assertEquals("m2m-app", settings.appId());
    }

    @Test
    void defaultsToFailModeNoFailFastAndNoScopes() throws Exception {
        AgentSettings settings = load(file(
                "logto.endpoint=https://tenant.logto.app/",
                "logto.app-id=m2m-app",
                "logto.app-secret=" + SECRET,
                "logto.resource.shop.indicator=https://api.shop",
                "logto.resource.shop.urls=https://shop.internal/api/"));
        assertEquals(OnTokenFailure.FAIL, settings.onTokenFailure());
        assertFalse(settings.failFast());
        assertTrue(settings.resources().get(0).scopes().isEmpty());
        assertFalse(settings.resources().get(0).plainHttpThroughProxy());
        assertEquals("https://tenant.logto.app/oidc/token", settings.tokenEndpoint());
    }

    @Test
    void viaProxyAllowLetsAPlainHttpRequestThroughAProxyCarryTheToken() throws Exception {
        assertTrue(load(validFile("logto.resource.shop.via-proxy=allow")).resources().get(0).plainHttpThroughProxy());
        assertFalse(load(validFile("logto.resource.shop.via-proxy=deny")).resources().get(0).plainHttpThroughProxy());
    }

    @Test
    void unknownViaProxyValueSaysWhatEachValueDoes() throws Exception {
        ConfigException e = failure(validFile("logto.resource.shop.via-proxy=yes"));
        assertTrue(e.getMessage().startsWith("logto.resource.shop.via-proxy = 'yes' (file "), e.getMessage());
        assertTrue(e.getMessage().endsWith("is neither allow nor deny; expected deny (the default: a plain-http request"
                + " through a forward proxy goes without the token, which the proxy would see) or allow"), e.getMessage());
    }

    @Test
    void tokenEndpointKeyOverridesTheDerivedOne() throws Exception {
        AgentSettings settings = load(validFile("logto.token-endpoint=https://auth.example.com/custom/token"));
        assertEquals("https://auth.example.com/custom/token", settings.tokenEndpoint());
    }

    @Test
    void systemPropertyBeatsEnvironmentWhichBeatsFile() throws Exception {
        Path file = validFile();
        environment.put("LOGTO_APP_ID", "from-env");
        assertEquals("from-env", load(file).appId());
        systemProperties.setProperty("logto.app-id", "from-sysprop");
        assertEquals("from-sysprop", load(file).appId());
    }

    @Test
    void resourceKeysHaveEnvironmentNamesWithUnderscores() throws Exception {
        environment.put("LOGTO_RESOURCE_SHOP_URLS", "https://other.internal/v2/");
        environment.put("LOGTO_APP_SECRET", "from-env-secret");
        AgentSettings settings = load(validFile());
        assertEquals("[https://other.internal/v2/]", settings.resources().get(0).urls().toString());
        assertEquals("from-env-secret", settings.appSecret());
    }

    @Test
    void hyphenatedResourceNamesMeetTheirEnvironmentSpelling() throws Exception {
        environment.put("LOGTO_RESOURCE_MY_API_SCOPES", "read");
        AgentSettings settings = load(validFile(
                "logto.resource.my-api.indicator=https://api.mine",
                "logto.resource.my-api.urls=https://mine.internal/"));
        ResourceSettings mine = settings.resources().stream().filter(r -> r.name().equals("my-api")).findFirst().get();
        assertEquals(Arrays.asList("read"), mine.scopes());
        assertEquals(2, settings.resources().size());
    }

    @Test
    void resourcesCanComeFromTheEnvironmentAlone() throws Exception {
        environment.put("LOGTO_ENDPOINT", "https://tenant.logto.app");
        environment.put("LOGTO_APP_ID", "m2m-app");
        environment.put("LOGTO_APP_SECRET", SECRET);
        environment.put("LOGTO_RESOURCE_MGMT_INDICATOR", "https://tenant.logto.app/api");
        environment.put("LOGTO_RESOURCE_MGMT_URLS", "https://tenant.logto.app/api/");
        environment.put("LOGTO_RESOURCE_MGMT_SCOPES", "all");
        AgentSettings settings = AgentSettingsLoader.load(null, environment, systemProperties, log);
        ResourceSettings mgmt = settings.resources().get(0);
        assertEquals("mgmt", mgmt.name());
        assertEquals("https://tenant.logto.app/api", mgmt.indicator());
        assertEquals(Arrays.asList("all"), mgmt.scopes());
    }

    @Test
    void aResourceMayNameTheOrganizationItsTokenIsFor() throws Exception {
        AgentSettings settings = load(validFile(
                "logto.resource.tenant-a.indicator=https://api.shop",
                "logto.resource.tenant-a.organization-id=195o7u492pqf",
                "logto.resource.tenant-a.urls=https://a.shop.internal/"));
        ResourceSettings tenantA = settings.resources().stream().filter(r -> r.name().equals("tenant-a")).findFirst().get();
        assertEquals("https://api.shop", tenantA.indicator());
        assertEquals("195o7u492pqf", tenantA.organizationId());
        assertEquals("https://api.shop in organization 195o7u492pqf", tenantA.target());
        assertNull(settings.resources().stream().filter(r -> r.name().equals("shop")).findFirst().get().organizationId());
        assertFalse(log().contains("unknown key"), log());
    }

    @Test
    void anOrganizationWithoutIndicatorAsksForAnOrganizationToken() throws Exception {
        AgentSettings settings = load(validFile(
                "logto.resource.org.organization-id=195o7u492pqf",
                "logto.resource.org.urls=https://org.internal/"));
        ResourceSettings org = settings.resources().stream().filter(r -> r.name().equals("org")).findFirst().get();
        assertNull(org.indicator());
        assertEquals("urn:logto:organization:195o7u492pqf", org.target());
    }

    @Test
    void neitherIndicatorNorOrganizationSaysWhatToSet() throws Exception {
        ConfigException e = failure(validFile("logto.resource.org.urls=https://org.internal/"));
        assertTrue(e.getMessage().startsWith("logto.resource.org.indicator is not set"), e.getMessage());
        assertTrue(e.getMessage().endsWith("or logto.resource.org.organization-id for an organization token"), e.getMessage());
    }

    @Test
    void anOrganizationIdWithOtherCharactersIsRejectedWithTheExpectedForm() throws Exception {
        ConfigException e = failure(validFile("logto.resource.org.organization-id=195o7u492pqf&x=1",
                "logto.resource.org.urls=https://org.internal/"));
        assertTrue(e.getMessage().startsWith("logto.resource.org.organization-id = '195o7u492pqf&x=1' ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("is not an organization ID; expected the ID shown in Logto Console "
                + "(Organizations, the organization's page), e.g. 195o7u492pqf"), e.getMessage());
    }

    @Test
    void blankValueCountsAsNotSet() throws Exception {
        systemProperties.setProperty("logto.app-id", "  ");
        assertEquals("m2m-app", load(validFile()).appId());
    }

    @Test
    void severalResourcesEachWithTheirOwnPrefixes() throws Exception {
        AgentSettings settings = load(validFile(
                "logto.resource.billing.indicator=https://api.billing",
                "logto.resource.billing.urls=https://billing.internal/, http://billing-legacy.internal:8080/v1"));
        assertEquals(2, settings.resources().size());
        ResourceSettings billing = settings.resources().get(0);
        assertEquals("billing", billing.name());
        assertEquals("[https://billing.internal/, http://billing-legacy.internal:8080/v1]", billing.urls().toString());
    }

    @Test
    void missingEndpointNamesTheKeyAndItsEnvironmentVariable() throws Exception {
        ConfigException e = failure(file("logto.app-id=a", "logto.app-secret=" + SECRET,
                "logto.resource.shop.indicator=https://api.shop", "logto.resource.shop.urls=https://shop.internal/"));
        assertEquals("logto.endpoint is not set (system property, environment variable LOGTO_ENDPOINT or the config "
                + "file); expected the Logto tenant endpoint, e.g. https://your-tenant.logto.app", e.getMessage());
    }

    @Test
    void endpointWithAnotherSchemeIsRejectedWithValueAndOrigin() throws Exception {
        Path file = validFile();
        systemProperties.setProperty("logto.endpoint", "ftp://tenant.logto.app");
        ConfigException e = failure(file);
        assertEquals("logto.endpoint = 'ftp://tenant.logto.app' (system property logto.endpoint) has scheme 'ftp', "
                + "not http or https; expected an absolute http(s) URL without user info, query or fragment", e.getMessage());
    }

    @Test
    void endpointWithUserInfoOrQueryIsRejected() throws Exception {
        environment.put("LOGTO_ENDPOINT", "https://user@tenant.logto.app");
        assertTrue(failure(validFile()).getMessage().contains("contains user info"));
        environment.put("LOGTO_ENDPOINT", "https://tenant.logto.app?x=1");
        assertTrue(failure(validFile()).getMessage().contains("has a query or fragment"));
    }

    @Test
    void echoedUrlNeverShowsItsUserInfo() throws Exception {
        environment.put("LOGTO_ENDPOINT", "ftp://admin:" + SECRET + "@tenant.logto.app");
        ConfigException e = failure(validFile());
        assertTrue(e.getMessage().startsWith("logto.endpoint = 'ftp://***@tenant.logto.app' (environment variable "
                + "LOGTO_ENDPOINT) has scheme 'ftp'"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains("admin"), e.getMessage());
    }

    @Test
    void urlPrefixEntryWithAPasswordIsRejectedWithoutShowingIt() throws Exception {
        ConfigException e = failure(validFile("logto.resource.shop.urls=https://shop.internal/, https://svc:" + SECRET
                + "@shop.internal/api/"));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(e.getMessage().contains("'https://***@shop.internal/api/' contains user info"), e.getMessage());
    }

    @Test
    void indicatorWithUserInfoIsRejectedWithoutShowingIt() throws Exception {
        ConfigException e = failure(validFile("logto.resource.shop.indicator=https://svc:" + SECRET + "@api.shop"));
        assertTrue(e.getMessage().startsWith("logto.resource.shop.indicator = 'https://***@api.shop' (file "), e.getMessage());
        assertTrue(e.getMessage().contains("an API Identifier holds no credentials"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void secretFromASystemPropertyIsWarnedAboutNamingTheSaferPlaces() throws Exception {
        systemProperties.setProperty("logto.app-secret", SECRET);
        load(privateFile(validFile()));
        assertTrue(log().contains("WARN logto.app-secret comes from a system property (-Dlogto.app-secret)"), log());
        assertTrue(log().contains("LOGTO_APP_SECRET"), log());
        assertFalse(log().contains(SECRET), log());
    }

    @ParameterizedTest
    @CsvSource({"rw-r--r--, every user of this machine", "rw-r-----, its group"})
    void secretInAFileOthersCanReadIsWarnedAboutWithTheFix(String permissions, String readers) throws Exception {
        Path file = validFile();
        assumeTrue(posix(file), "the file system has no POSIX permissions");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        load(file);
        assertTrue(log().contains("WARN logto.app-secret comes from file " + file + ", which is readable by " + readers
                + " (" + permissions + "); let only the service's user read it: chmod 600 " + file), log());
    }

    @Test
    void secretInAPrivateFileOrInTheEnvironmentGetsNoWarning() throws Exception {
        Path file = privateFile(validFile());
        load(file);
        environment.put("LOGTO_APP_SECRET", SECRET);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        load(file);
        assertFalse(log().contains("logto.app-secret comes from"), log());
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Path privateFile(Path file) throws IOException {
        assumeTrue(posix(file), "the file system has no POSIX permissions");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void plainHttpEndpointOnAnotherHostIsAWarningNotAnError() throws Exception {
        environment.put("LOGTO_ENDPOINT", "http://logto.corp.example");
        load(validFile());
        assertTrue(log().contains("WARN logto.endpoint = http://logto.corp.example"), log());
        assertTrue(log().contains("use https"), log());
    }

    @Test
    void missingSecretPointsAtTheEnvironmentVariable() throws Exception {
        ConfigException e = failure(file("logto.endpoint=https://t.logto.app", "logto.app-id=a",
                "logto.resource.shop.indicator=https://api.shop", "logto.resource.shop.urls=https://shop.internal/"));
        assertTrue(e.getMessage().startsWith("logto.app-secret is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("LOGTO_APP_SECRET"), e.getMessage());
    }

    @Test
    void badSecretIsNamedButNeverEchoed() throws Exception {
        environment.put("LOGTO_APP_SECRET", "abc def-" + SECRET);
        ConfigException e = failure(validFile());
        assertEquals("logto.app-secret (environment variable LOGTO_APP_SECRET, value hidden) contains whitespace; "
                + "expected the App Secret exactly as Logto Console shows it", e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void appIdWithWhitespaceIsRejected() throws Exception {
        systemProperties.setProperty("logto.app-id", "my app");
        assertEquals("logto.app-id = 'my app' (system property logto.app-id) contains whitespace; expected the App ID "
                + "exactly as Logto Console shows it", failure(validFile()).getMessage());
    }

    @Test
    void unknownTokenFailureModeListsTheModes() throws Exception {
        ConfigException e = failure(validFile("logto.on-token-failure=ignore"));
        assertTrue(e.getMessage().startsWith("logto.on-token-failure = 'ignore' (file "), e.getMessage());
        assertTrue(e.getMessage().endsWith("is not a known mode; expected fail or send-without"), e.getMessage());
    }

    @Test
    void failFastMustBeABoolean() throws Exception {
        ConfigException e = failure(validFile("logto.fail-fast=yes"));
        assertTrue(e.getMessage().startsWith("logto.fail-fast = 'yes'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("expected true or false"), e.getMessage());
    }

    @Test
    void failFastIsKnownEvenWhenAnotherKeyIsBroken() throws Exception {
        ConfigException e = failure(validFile("logto.fail-fast=true", "logto.on-token-failure=explode"));
        assertTrue(e.failFast());
        ConfigException lenient = failure(validFile("logto.on-token-failure=explode"));
        assertFalse(lenient.failFast());
    }

    @Test
    void resourceWithoutIndicatorIsRejected() throws Exception {
        ConfigException e = failure(validFile("logto.resource.billing.urls=https://billing.internal/"));
        assertTrue(e.getMessage().startsWith("logto.resource.billing.indicator is not set (system property, environment "
                + "variable LOGTO_RESOURCE_BILLING_INDICATOR or the config file); expected the API resource's indicator"),
                e.getMessage());
    }

    @Test
    void relativeIndicatorIsRejected() throws Exception {
        ConfigException e = failure(validFile("logto.resource.shop.indicator=api.shop"));
        assertTrue(e.getMessage().startsWith("logto.resource.shop.indicator = 'api.shop' (file "), e.getMessage());
        assertTrue(e.getMessage().contains("is not an absolute URI without fragment"), e.getMessage());
    }

    @Test
    void resourceWithoutUrlsIsRejected() throws Exception {
        ConfigException e = failure(validFile("logto.resource.billing.indicator=https://api.billing"));
        assertTrue(e.getMessage().startsWith("logto.resource.billing.urls is not set"), e.getMessage());
    }

    @Test
    void urlPrefixWithUserInfoIsRejectedNamingTheEntry() throws Exception {
        ConfigException e = failure(validFile("logto.resource.shop.urls=https://shop.internal/, https://shop.internal@evil.com/"));
        assertTrue(e.getMessage().contains("has a bad entry: 'https://***@evil.com/' contains user info"),
                e.getMessage());
        assertTrue(e.getMessage().contains("expected an absolute http(s) URL without user info, query or fragment"),
                e.getMessage());
    }

    @Test
    void urlPrefixThatIsRelativeOrHasAFragmentOrQueryIsRejected() throws Exception {
        assertTrue(failure(validFile("logto.resource.shop.urls=/api/")).getMessage().contains("'/api/' is not an absolute URL"));
        assertTrue(failure(validFile("logto.resource.shop.urls=https://shop.internal/api/#x")).getMessage()
                .contains("has a query or fragment"));
        assertTrue(failure(validFile("logto.resource.shop.urls=https://shop.internal/api/?a=b")).getMessage()
                .contains("has a query or fragment"));
    }

    @Test
    void emptyUrlEntryIsRejected() throws Exception {
        assertTrue(failure(validFile("logto.resource.shop.urls=https://shop.internal/,,https://b.internal/")).getMessage()
                .contains("has an empty entry"));
    }

    @Test
    void commaSeparatedScopesAreRejectedWithTheRightSeparator() throws Exception {
        ConfigException e = failure(validFile("logto.resource.shop.scopes=read,write"));
        assertTrue(e.getMessage().startsWith("logto.resource.shop.scopes = 'read,write' (file "), e.getMessage());
        assertTrue(e.getMessage().contains("expected scopes separated by spaces"), e.getMessage());
    }

    @Test
    void scopeWithAQuoteIsRejected() throws Exception {
        assertTrue(failure(validFile("logto.resource.shop.scopes=read \"write\"")).getMessage()
                .contains("has scope '\"write\"' with the character '\"'"));
    }

    @Test
    void noResourceAtAllIsRejected() throws Exception {
        ConfigException e = failure(file("logto.endpoint=https://t.logto.app", "logto.app-id=a", "logto.app-secret=" + SECRET));
        assertTrue(e.getMessage().contains("expected at least one API resource"), e.getMessage());
    }

    @Test
    void samePrefixInTwoResourcesIsRejected() throws Exception {
        ConfigException e = failure(validFile("logto.resource.zoo.indicator=https://api.zoo",
                "logto.resource.zoo.urls=https://SHOP.internal:8443/api/"));
        assertEquals("logto.resource.zoo.urls: URL prefix https://shop.internal:8443/api/ is also configured for resource "
                + "'shop'; expected each URL prefix in one resource only", e.getMessage());
    }

    @Test
    void resourceNameWithADotIsRejected() throws Exception {
        ConfigException e = failure(validFile("logto.resource.shop.v2.indicator=https://api.v2",
                "logto.resource.shop.v2.urls=https://v2.internal/"));
        assertTrue(e.getMessage().startsWith("resource name 'shop.v2'"), e.getMessage());
    }

    @Test
    void unreadableFileIsNamedWithWhatIsExpected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AgentSettingsLoader.load(dir.resolve("missing.properties").toString(), environment, systemProperties, log));
        assertTrue(e.getMessage().startsWith("config file '" + dir.resolve("missing.properties") + "' (the agent argument) "
                + "cannot be read: NoSuchFileException"), e.getMessage());
        assertTrue(e.getMessage().endsWith("expected a readable properties file with logto.* keys"), e.getMessage());
    }

    @Test
    void unreadableFileStopsTheServiceWhenFailFastIsSetOutsideTheFile() {
        environment.put("LOGTO_FAIL_FAST", "true");
        ConfigException e = assertThrows(ConfigException.class,
                () -> AgentSettingsLoader.load(dir.resolve("missing.properties").toString(), environment, systemProperties, log));
        assertTrue(e.failFast());
    }

    @Test
    void configEqualsWithoutPathIsRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AgentSettingsLoader.load("config=", environment, systemProperties, log));
        assertTrue(e.getMessage().startsWith("agent argument 'config=' names no file"), e.getMessage());
    }

    @Test
    void misspeltKeyWarnsWithTheNearestKnownKey() throws Exception {
        load(validFile("logto.resource.shop.url=https://x.internal/", "logto.endpont=https://t.logto.app"));
        assertTrue(log().contains("WARN unknown key logto.resource.shop.url (file "), log());
        assertTrue(log().contains("did you mean logto.resource.shop.urls?"), log());
        assertTrue(log().contains("did you mean logto.endpoint?"), log());
    }

    @Test
    void unknownSystemPropertyWarnsToo() throws Exception {
        systemProperties.setProperty("logto.app-secert", "x");
        load(validFile());
        assertTrue(log().contains("unknown key logto.app-secert (system property logto.app-secert) is ignored; "
                + "did you mean logto.app-secret?"), log());
    }

    @Test
    void keysWithoutAPlausibleTwinListTheKnownKeys() throws Exception {
        load(validFile("completely.unrelated=1"));
        assertTrue(log().contains("known keys are logto.endpoint"), log());
    }

    @Test
    void endpointCanBeOmittedWhenTheTokenEndpointIsGiven() throws Exception {
        AgentSettings settings = load(file("logto.token-endpoint=https://auth.example.com/token", "logto.app-id=a",
                "logto.app-secret=" + SECRET, "logto.resource.shop.indicator=https://api.shop",
                "logto.resource.shop.urls=https://shop.internal/"));
        assertNull(settings.endpoint());
        assertEquals("logto.token-endpoint", settings.tokenEndpointKey());
    }
}
