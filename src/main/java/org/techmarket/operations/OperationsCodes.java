package org.techmarket.operations;

import org.techmarket.shared.ProblemCode;

/**
 * The codes with which operating the market's machinery is refused.
 */
public enum OperationsCodes implements ProblemCode {
    STUCK_ITEM_NOT_FOUND
}
