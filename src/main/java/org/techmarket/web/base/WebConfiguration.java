package org.techmarket.web.base;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The pages' language: resolved by {@link MarketLocales}, switched by {@code ?lang=} on any page (not the API). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return new MarketLocales();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor switching = new LocaleChangeInterceptor();
        switching.setParamName(MarketLocales.COOKIE);
        switching.setIgnoreInvalidLocale(true);
        registry.addInterceptor(switching).excludePathPatterns("/api/**", "/actuator/**");
    }
}
