package com.apexshare.devstack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering of one service, rooted at its base package ({@code com.apexshare.upload}):
 * <ul>
 * <li>a <em>feature</em> is a direct sub-package ({@code com.apexshare.upload.upload}); its own classes are the
 * domain and the ports it owns;</li>
 * <li>an <em>adapter</em> is a package below a feature ({@code …upload.web}, {@code messaging}, {@code persistence},
 * {@code s3}, {@code ses}, {@code smtp}, …);</li>
 * <li>classes directly in the base package are the application and its configuration.</li>
 * </ul>
 * The rules: no service imports another service or devstack; the domain imports no adapter and no adapter technology;
 * controllers live in {@code web}, listeners in {@code messaging} and only decode and delegate; Avro stays in
 * {@code messaging}; no JPA entity leaves through {@code web}; one persistence style (Spring Data JPA: no
 * {@code JdbcTemplate} or {@code JdbcClient}).
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("upload", "catalog", "notification", "download", "gateway",
            "identity", "cli");

    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String CONTROLLER = "org.springframework.stereotype.Controller";
    private static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";
    private static final String ENTITY = "jakarta.persistence.Entity";

    /** Technology a domain class must not touch: it belongs to an adapter. */
    private static final String[] ADAPTER_TECHNOLOGY = {"org.springframework.web..", "org.springframework.http..",
            "jakarta.servlet..", "org.springframework.kafka..", "org.apache.kafka..", "org.apache.avro..",
            "org.springframework.jdbc..", "org.springframework.data..", "software.amazon.awssdk..",
            "jakarta.mail..", "org.springframework.mail..", "com.apexshare.platform.web..",
            "com.apexshare.platform.outbox..", "com.apexshare.events.serde.."};

    /** What a listener may use: its feature's domain, its own adapter package, the events, the platform's Kafka. */
    private static final String[] LISTENER_ALLOWED = {"java..", "org.springframework.kafka.annotation..",
            "org.springframework.kafka.support..", "org.springframework.kafka.listener..",
            "org.springframework.messaging.handler.annotation..", "org.springframework.stereotype..",
            "org.apache.kafka.clients.consumer..", "org.apache.kafka.common.header..", "org.apache.avro..",
            "com.apexshare.events..", "com.apexshare.platform.kafka..", "org.slf4j..", "org.jspecify.."};

    private final String root;
    private final JavaClasses classes;

    private ServiceArchitecture(String root, JavaClasses classes) {
        this.root = root;
        this.classes = classes;
    }

    /** The service's main classes (tests excluded) under its base package. */
    public static ServiceArchitecture of(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("No main classes under " + rootPackage);
        }
        return new ServiceArchitecture(rootPackage, classes);
    }

    /** For the rules' own tests: any classes, rooted at a package. */
    static ServiceArchitecture of(String rootPackage, JavaClasses classes) {
        return new ServiceArchitecture(rootPackage, classes);
    }

    public JavaClasses mainClasses() {
        return classes;
    }

    /** Every rule, for a test that checks them all at once. */
    public List<ArchRule> rules() {
        return List.of(independentOfOtherServicesAndDevstack(), domainImportsNoAdapter(), controllersLiveInWeb(),
                listenersLiveInMessagingAndOnlyDecodeAndDelegate(), avroStaysInMessaging(),
                entitiesNeverLeaveThroughWeb(), onePersistenceStyle());
    }

    public ArchRule independentOfOtherServicesAndDevstack() {
        String own = root.substring(root.lastIndexOf('.') + 1);
        String[] foreign = SERVICES.stream().filter(s -> !s.equals(own)).map(s -> "com.apexshare." + s + "..")
                .toArray(String[]::new);
        String[] forbidden = new String[foreign.length + 1];
        System.arraycopy(foreign, 0, forbidden, 0, foreign.length);
        forbidden[foreign.length] = "com.apexshare.devstack..";
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("services share only schemas/ and platform/, and devstack is for tests and the local run");
    }

    public ArchRule domainImportsNoAdapter() {
        return noClasses().that(areInAFeaturePackage())
                .should().dependOnClassesThat(areInAnAdapterPackage())
                .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTER_TECHNOLOGY)
                .because("the domain owns its ports; adapters implement them, never the other way round");
    }

    public ArchRule controllersLiveInWeb() {
        return classes().that().areAnnotatedWith(REST_CONTROLLER).or().areAnnotatedWith(CONTROLLER)
                .should().resideInAPackage("..web..")
                .allowEmptyShould(true);
    }

    public ArchRule listenersLiveInMessagingAndOnlyDecodeAndDelegate() {
        return classes().that(haveAKafkaListener())
                .should().resideInAPackage("..messaging..")
                .andShould(onlyDependOnTheirDomainAndDecoding())
                .andShould(holdOnlyFinalFields())
                .allowEmptyShould(true)
                .because("listeners are thin: decode, delegate, done");
    }

    public ArchRule avroStaysInMessaging() {
        return noClasses().that().resideOutsideOfPackage("..messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.avro..")
                .orShould().dependOnClassesThat(areGeneratedEvents())
                .because("Avro classes are mapped to domain records in the messaging adapter");
    }

    public ArchRule entitiesNeverLeaveThroughWeb() {
        return noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().areAnnotatedWith(ENTITY)
                .because("JPA entities never leave through REST");
    }

    public ArchRule onePersistenceStyle() {
        return noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc.core..")
                .because("every service persists with Spring Data JPA (see the README's persistence section)");
    }

    private DescribedPredicate<JavaClass> areInAFeaturePackage() {
        Pattern feature = Pattern.compile(Pattern.quote(root) + "\\.[a-z0-9]+");
        return DescribedPredicate.describe("are in a feature package of " + root,
                c -> feature.matcher(c.getPackageName()).matches());
    }

    private DescribedPredicate<JavaClass> areInAnAdapterPackage() {
        Pattern adapter = Pattern.compile(Pattern.quote(root) + "\\.[a-z0-9]+\\.[a-z0-9.]+");
        return DescribedPredicate.describe("are in an adapter package of " + root,
                c -> adapter.matcher(c.getPackageName()).matches());
    }

    private static DescribedPredicate<JavaClass> haveAKafkaListener() {
        return DescribedPredicate.describe("have a @KafkaListener method",
                c -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(KAFKA_LISTENER))
                        || c.isAnnotatedWith(KAFKA_LISTENER));
    }

    private static DescribedPredicate<JavaClass> areGeneratedEvents() {
        return DescribedPredicate.describe("are generated Avro events or the topic catalog",
                c -> c.getPackageName().equals("com.apexshare.events"));
    }

    private ArchCondition<JavaClass> onlyDependOnTheirDomainAndDecoding() {
        return new ArchCondition<>("only depend on their feature's domain, their own package and decoding") {
            @Override
            public void check(JavaClass listener, ConditionEvents events) {
                String messaging = listener.getPackageName();
                String feature = messaging.substring(0, messaging.lastIndexOf('.'));
                listener.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    String pkg = target.getPackageName();
                    boolean allowed = target.isPrimitive() || pkg.equals(feature) || pkg.equals(messaging)
                            || matchesAny(pkg, LISTENER_ALLOWED);
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(listener, d.getDescription()));
                    }
                });
            }
        };
    }

    private static ArchCondition<JavaClass> holdOnlyFinalFields() {
        return new ArchCondition<>("hold only final fields (the ports they delegate to)") {
            @Override
            public void check(JavaClass listener, ConditionEvents events) {
                for (JavaField field : listener.getFields()) {
                    if (!field.getModifiers().contains(JavaModifier.FINAL)) {
                        events.add(SimpleConditionEvent.violated(listener,
                                "field " + field.getFullName() + " is not final"));
                    }
                }
            }
        };
    }

    private static boolean matchesAny(String pkg, String[] patterns) {
        for (String pattern : patterns) {
            String base = pattern.endsWith("..") ? pattern.substring(0, pattern.length() - 2) : pattern;
            if (pkg.equals(base) || pkg.startsWith(base + ".")) {
                return true;
            }
        }
        return false;
    }
}
