package org.techmarket.deal.domain;

/**
 * An Ed25519 signature (base64) over a contract hash, with the public key (X.509, base64) that verifies it; the
 * application layer records who signed and when beside it.
 */
public record ContractSignature(ContractHash hash, String publicKey, String signature) {

    public ContractSignature {
        Require.present(hash, "hash");
        Require.text(publicKey, "publicKey", 200);
        Require.text(signature, "signature", 200);
    }

    @Override
    public String toString() {
        return "ContractSignature[hash=" + hash + ", key=" + OrganizationKey.fingerprintOf(publicKey) + "]";
    }
}
