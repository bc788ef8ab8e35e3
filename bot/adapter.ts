import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { CallerIdConstants } from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult } from 'botframework-connector';
import type { Config } from '../src/config';

/**
 * The Bot Framework settings for the configured credentials. Where the token-signing metadata is
 * moved (a sovereign cloud, or a local test), the SDK takes every endpoint as given, so the public
 * cloud's are filled in for the rest: otherwise no token would match the missing issuer.
 */
export function botFrameworkSettings(bot: Config['bot']): Record<string, string | boolean> {
  const credentials = {
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.appPassword,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
  };
  const { channel, emulator } = bot.openIdMetadata;
  if (!channel && !emulator) return credentials;
  return {
    ...credentials,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl:
      channel ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl:
      emulator ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * The Teams adapter with authentication and the turn as two steps, so the server can refuse a
 * request on its own terms (always 401, one log line, nothing internal in the answer) before any
 * turn work is done, and run the turn only for a request that passed.
 */
export class BotAdapter extends TeamsAdapter {
  /** Checks the request's Bot Framework token (or accepts any request in local mode). */
  authenticate(
    activity: Partial<Activity>,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authHeader);
  }

  /** Runs the turn for a request that passed `authenticate`. */
  runTurn(
    authentication: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authentication, activity, logic);
  }
}
