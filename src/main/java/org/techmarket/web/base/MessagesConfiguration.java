package org.techmarket.web.base;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * The market's messages from the {@code spring.messages.*} settings, as Spring Boot would make them, but formatted per
 * thread ({@link PerThreadMessageFormats}, ADR 0090).
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties marketMessagesProperties() {
        return new MessageSourceProperties();
    }

    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource(MessageSourceProperties properties) {
        PerThreadMessageFormats messages = new PerThreadMessageFormats();
        messages.setBasenames(properties.getBasename().toArray(String[]::new));
        if (properties.getEncoding() != null) {
            messages.setDefaultEncoding(properties.getEncoding().name());
        }
        messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        if (properties.getCacheDuration() != null) {
            messages.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        return messages;
    }
}
