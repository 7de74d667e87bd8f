/**
 * The kernel every module may use without declaring it: money, ids, the clock, texts, pagination, rejections and
 * their problem codes. Its root package is its API; background jobs are its named interface {@code shared :: jobs}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.techmarket.shared;
