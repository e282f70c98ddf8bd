package dev.legacyguard.devissuer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IssuerConfigTest {

    private static final String BASE = String.join("\n",
            "resource.products.indicator=https://products.legacy.example/api",
            "resource.products.scopes=read:products write:products",
            "role.reader.products=read:products",
            "app.reader-app.secret=s",
            "app.reader-app.roles=reader");

    @Test
    void grantsAnAppTheScopesOfItsRolesPerIndicator() throws Exception {
        IssuerConfig config = parse(BASE);
        M2mApp app = config.app("reader-app").orElseThrow();
        assertEquals(Set.of("read:products"), app.grantedScopes("https://products.legacy.example/api"));
        assertEquals(3600, config.resource("https://products.legacy.example/api").orElseThrow().accessTokenTtlSeconds());
    }

    @Test
    void refusesARoleThatGrantsAScopeTheResourceDoesNotDefine() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(BASE + "\nrole.reader.products=delete:products"));
        assertTrue(e.getMessage().contains("role.reader.products grants 'delete:products'"), e.getMessage());
    }

    @Test
    void refusesAnAppThatNamesAnUnknownRole() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(BASE + "\napp.reader-app.roles=admin"));
        assertTrue(e.getMessage().contains("names role 'admin'"), e.getMessage());
    }

    @Test
    void refusesAnIndicatorThatIsNotAnAbsoluteUri() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse(BASE + "\nresource.products.indicator=products"));
        assertTrue(e.getMessage().contains("resource.products.indicator=products is not an absolute URI"), e.getMessage());
    }

    @Test
    void refusesAnAppWithoutSecret() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(BASE.replace("app.reader-app.secret=s\n", "")));
        assertTrue(e.getMessage().contains("app.reader-app.secret is missing"), e.getMessage());
    }

    @Test
    void refusesAMisspelledKeyNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(BASE + "\nresource.products.scope=x"));
        assertTrue(e.getMessage().contains("unknown key resource.products.scope"), e.getMessage());
    }

    @Test
    void refusesANonPositiveTokenLifetime() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse(BASE + "\nresource.products.access-token-ttl=0"));
        assertTrue(e.getMessage().contains("access-token-ttl=0"), e.getMessage());
    }

    @Test
    void anOrganizationMemberHoldsWhatItsOrganizationRolesHold() throws Exception {
        IssuerConfig config = parse(BASE + "\norganization-role.auditor.permissions=read:inventory"
                + "\norganization-role.auditor.products=read:products\norganization.org-a.app.reader-app=auditor");
        OrganizationMembership membership = config.membership("org-a", "reader-app").orElseThrow();
        assertEquals(Set.of("read:inventory"), membership.permissions());
        assertEquals(Set.of("read:products"), membership.grantedScopes("https://products.legacy.example/api"));
        assertTrue(config.membership("org-b", "reader-app").isEmpty());
    }

    @Test
    void refusesAnOrganizationMemberWithAnUnknownRoleOrApp() {
        ConfigException role = assertThrows(ConfigException.class,
                () -> parse(BASE + "\norganization.org-a.app.reader-app=auditor"));
        assertTrue(role.getMessage().contains("names organization role 'auditor', which is not defined"), role.getMessage());
        ConfigException app = assertThrows(ConfigException.class,
                () -> parse(BASE + "\norganization-role.auditor.permissions=x\norganization.org-a.app.ghost=auditor"));
        assertTrue(app.getMessage().contains("of a defined app"), app.getMessage());
    }

    @Test
    void aUserHoldsWhatTheirRolesGrantUnderEachOfTheirPersonalAccessTokens() throws Exception {
        IssuerConfig config = parse(BASE + "\nuser.alice.personal-access-tokens=pat-1, pat-2\nuser.alice.roles=reader");
        for (String token : new String[] {"pat-1", "pat-2"}) {
            User alice = config.userByPersonalAccessToken(token).orElseThrow();
            assertEquals("alice", alice.id());
            assertEquals(Set.of("read:products"), alice.grantedScopes("https://products.legacy.example/api"));
        }
        assertTrue(config.userByPersonalAccessToken("pat-3").isEmpty());
    }

    @Test
    void allowsTokenExchangeOnlyToAnAppThatSaysSo() throws Exception {
        assertFalse(parse(BASE).app("reader-app").orElseThrow().allowTokenExchange());
        assertTrue(parse(BASE + "\napp.reader-app.allow-token-exchange=true").app("reader-app").orElseThrow()
                .allowTokenExchange());
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse(BASE + "\napp.reader-app.allow-token-exchange=yes"));
        assertTrue(e.getMessage().contains("allow-token-exchange=yes is neither true nor false"), e.getMessage());
    }

    @Test
    void refusesAUserWithoutTokensWithAnUnknownRoleOrSharingAToken() {
        ConfigException none = assertThrows(ConfigException.class, () -> parse(BASE + "\nuser.alice.roles=reader"));
        assertTrue(none.getMessage().contains("user.alice.personal-access-tokens is missing"), none.getMessage());
        ConfigException role = assertThrows(ConfigException.class,
                () -> parse(BASE + "\nuser.alice.personal-access-tokens=p\nuser.alice.roles=admin"));
        assertTrue(role.getMessage().contains("user.alice.roles names role 'admin'"), role.getMessage());
        ConfigException shared = assertThrows(ConfigException.class,
                () -> parse(BASE + "\nuser.alice.personal-access-tokens=p\nuser.bob.personal-access-tokens=p"));
        assertTrue(shared.getMessage().contains("users 'alice' and 'bob' share a personal access token"), shared.getMessage());
    }

    private static IssuerConfig parse(String text) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return IssuerConfig.parse(properties, "test.properties");
    }
}
