/** The market's front page: what is on sale now, the newest assets, and how to start using the API. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"asset", "listing", "reference"})
package org.techmarket.web;
