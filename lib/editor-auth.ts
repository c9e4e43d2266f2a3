import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccountRecovery, Mfa, UserPool, type UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '../lambdas/core/auth/editor.ts';

export interface EditorAuthProps {
  /** The hosted sign-in page's domain prefix: https://<prefix>.auth.<region>.amazoncognito.com. */
  domainPrefix: string;
}

/**
 * Who the editors are: a Cognito user pool whose groups are the app's roles (editor, admin).
 * Users are created by admins only (no sign-up), sign in with a strong password and a TOTP
 * second factor, and the pool outlives every deployment (it holds people, not code).
 */
export class EditorAuth extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: EditorAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Editors', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The group names are the roles the app reads from the token's cognito:groups.
    for (const role of ROLES) {
      this.userPool.addGroup(`${role[0]!.toUpperCase()}${role.slice(1)}Group`, { groupName: role, description: `mutuals-news ${role}s` });
    }
    this.domain = this.userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix: props.domainPrefix } });
  }

  /** The issuer of the pool's tokens (its JWKS is under /.well-known/jwks.json). */
  get issuer(): string {
    return this.userPool.userPoolProviderUrl;
  }
}
