import { Button } from "./components/button";
import { BrandLink, Muted, P, Title } from "./components/blocks";
import { PRODUCT_BRAND } from "./components/brand";
import { Layout } from "./components/layout";
import type { OrgBrand } from "./components/types";

export type SignInLinkProps = {
  /** The organisation the person is signing in to, or `PRODUCT_BRAND` when there is none yet. */
  org: OrgBrand;
  /** The one-time magic link. */
  url: string;
  /** How long the link works. */
  expiresInMinutes: number;
};

export function SignInLinkEmail({ org, url, expiresInMinutes }: SignInLinkProps) {
  return (
    <Layout
      org={org}
      preheader={`Your sign-in link works once, for the next ${expiresInMinutes} minutes.`}
      reason="You're getting this because someone asked to sign in with this email address. If it wasn't you, ignore it: nothing happens without a click."
    >
      <Title>Sign in to {org.name}</Title>
      <P>Here is your sign-in link. It works once, for the next {expiresInMinutes} minutes.</P>
      <Button org={org} href={url}>
        Sign in
      </Button>
      <Muted>
        If the button doesn't work, paste this address into your browser: <BrandLink org={org} href={url}>{url}</BrandLink>
      </Muted>
    </Layout>
  );
}

SignInLinkEmail.PreviewProps = {
  org: PRODUCT_BRAND,
  url: "https://app.followthrough.example/api/auth/callback/email?token=3f9c2a7d&email=alex%40example.com",
  expiresInMinutes: 15,
} satisfies SignInLinkProps;

export default SignInLinkEmail;
