package org.techmarket.web.base;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The pages' language: resolved by {@link MarketLocales}, switched by {@code ?lang=} on any page (not the API). And
 * where static files are served: only under {@code /css/}, {@code /js/} and {@code /webjars/} (the defaults are off,
 * {@code spring.web.resources.add-mappings=false}). Every link a page builds is offered to the resource chain; with
 * static files mapped at {@code /**}, as by default, a link to a listing or an asset was first looked for as a file
 * in every jar on the class path, which cost a page more than rendering it did.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return new MarketLocales();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .resourceChain(true);
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .resourceChain(true);
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor switching = new LocaleChangeInterceptor();
        switching.setParamName(MarketLocales.COOKIE);
        switching.setIgnoreInvalidLocale(true);
        registry.addInterceptor(switching).excludePathPatterns("/api/**", "/actuator/**");
    }
}
