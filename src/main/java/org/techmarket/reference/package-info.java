/** Reference data the market classifies by: IPC codes, technology fields, future industries and regions. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.techmarket.reference;
