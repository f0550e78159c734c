package com.apexshare.platform.startup;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Checks the configuration before any bean exists (a bean factory post-processor runs before the data source, Flyway
 * or a Kafka consumer could connect), so a service on development defaults fails with the list of settings to fix.
 */
@AutoConfiguration
public class StartupGuardAutoConfiguration {

    @Bean
    static DevelopmentDefaultsGuard developmentDefaultsGuard() {
        return new DevelopmentDefaultsGuard();
    }

    static final class DevelopmentDefaultsGuard implements BeanFactoryPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            if (!(environment instanceof ConfigurableEnvironment configurable)
                    || DevelopmentDefaults.isDevelopment(configurable)) {
                return;
            }
            List<String> problems = DevelopmentDefaults.findIn(configurable);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Refusing to start on development defaults outside the "
                        + DevelopmentDefaults.DEVELOPMENT_PROFILES + " profiles:\n  - "
                        + String.join("\n  - ", problems) + "\n(the local run and compose set "
                        + "SPRING_PROFILES_ACTIVE=local)");
            }
        }
    }
}
