package org.techmarket.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** Finds, without starting Spring, the constants of every enum in the market's code that implements a type. */
public final class EnumScan {

    private EnumScan() {}

    public static List<Enum<?>> constantsOf(Class<?> type) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(type));
        List<Enum<?>> constants = new ArrayList<>();
        for (BeanDefinition found : scanner.findCandidateComponents("org.techmarket")) {
            Class<?> candidate = load(found.getBeanClassName());
            if (candidate.isEnum()) {
                Arrays.stream(candidate.getEnumConstants())
                        .map(c -> (Enum<?>) c)
                        .forEach(constants::add);
            }
        }
        return constants;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
