package org.jointactivities.exchange;

import java.util.Set;

/**
 * A step of an information request that its people hear of, published in the step's transaction.
 *
 * @param recipients who the answer is addressed to (empty before there is one)
 */
public record ExchangeStateChanged(InformationRequest request, ExchangeAction action, String actor, String comment,
    Set<String> recipients, String preparer) {}
