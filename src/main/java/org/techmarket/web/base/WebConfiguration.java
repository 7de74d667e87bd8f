package org.techmarket.web.base;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The pages' language: resolved by {@link MarketLocales}, switched by {@code ?lang=} on any page (not the API). And
 * where static files are served: only under {@code /css/}, {@code /js/} and {@code /webjars/} (the defaults are off,
 * {@code spring.web.resources.add-mappings=false}). Every link a page builds is offered to the resource chain; with
 * static files mapped at {@code /**}, as by default, a link to a listing or an asset was first looked for as a file
 * in every jar on the class path, which cost a page more than rendering it did.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Pages rendered into their thread's buffer and written whole ({@link BufferedPageView}, ADR 0103). */
    @Bean
    static BeanPostProcessor bufferedPages() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setViewClass(BufferedPageView.class);
                }
                return bean;
            }
        };
    }

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
