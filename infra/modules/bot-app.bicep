// The bot in Azure Container Apps: one environment (logs to Log Analytics) and one container app
// with HTTPS ingress on /api/messages, at least two replicas, and health probes on /healthz (alive) and /readyz (ready).
// Every setting src/config.ts reads in production is set here (a unit test checks the list).

param environmentName string
param appName string
param location string

@description('Image to run, e.g. <registry>.azurecr.io/qm-hjelp:1.')
param image string

@description('Login server of the registry the image is pulled from with the managed identity.')
param registryServer string

@description('Resource id of the user-assigned identity (bot identity, Cosmos DB and registry access).')
param identityId string

@description('Client id of that identity: the bot\'s Microsoft App ID and AZURE_CLIENT_ID.')
param identityClientId string

@description('Microsoft Entra tenant of the identity and of the organisation.')
param tenantId string

@description('Tenants whose activities the bot serves, comma-separated (ALLOWED_TENANTS).')
param allowedTenants string

@description('Teams service URL used before the first activity brings one (TEAMS_SERVICE_URL).')
param teamsServiceUrl string

param cosmosEndpoint string
param cosmosDatabase string

@description('Organisation file in the image (ORG_FILE), read at every start and imported unless it was imported before; empty: ORG_FILE unset, the organisation imported with `npm run org:import` is used.')
param orgFile string

@description('Secret for signed links and placeholders (SIGNING_SECRET).')
@secure()
@minLength(32)
param signingSecret string

param logLevel string
param minReplicas int
param maxReplicas int

@description('Path of the readiness probe.')
param readinessPath string

param workspaceName string
param tags object

// The port the bot listens on (PORT); ingress and probes use the same.
var port = 3978

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' existing = {
  name: workspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    zoneRedundant: false
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
      secrets: [
        {
          name: 'signing-secret'
          value: signingSecret
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'qm-hjelp'
          image: image
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat([
            {
              name: 'NODE_ENV'
              value: 'production'
            }
            {
              name: 'PORT'
              value: string(port)
            }
            {
              name: 'HOST'
              value: '0.0.0.0'
            }
            // The bot's identity is the user-assigned managed identity: no password anywhere.
            {
              name: 'MicrosoftAppType'
              value: 'UserAssignedMSI'
            }
            {
              name: 'MicrosoftAppId'
              value: identityClientId
            }
            {
              name: 'MicrosoftAppTenantId'
              value: tenantId
            }
            {
              name: 'ALLOWED_TENANTS'
              value: allowedTenants
            }
            {
              name: 'TEAMS_SERVICE_URL'
              value: teamsServiceUrl
            }
            // Cosmos DB with the managed identity (COSMOS_KEY stays unset): DefaultAzureCredential
            // picks the user-assigned identity named by AZURE_CLIENT_ID.
            {
              name: 'STORE'
              value: 'cosmos'
            }
            {
              name: 'COSMOS_ENDPOINT'
              value: cosmosEndpoint
            }
            {
              name: 'COSMOS_DATABASE'
              value: cosmosDatabase
            }
            {
              name: 'COSMOS_ALLOW_SELF_SIGNED'
              value: 'off'
            }
            {
              name: 'AZURE_CLIENT_ID'
              value: identityClientId
            }
            {
              name: 'OUTBOX_INTERVAL_MS'
              value: '2000'
            }
            {
              name: 'OUTBOX_LEASE_MS'
              value: '10000'
            }
            {
              name: 'OUTBOX_CONCURRENCY'
              value: '8'
            }
            {
              name: 'OUTBOX_RETRY_BASE_MS'
              value: '1000'
            }
            {
              name: 'TEAMS_CALL_TIMEOUT_MS'
              value: '15000'
            }
            {
              name: 'READY_OUTBOX_MAX_AGE_MS'
              value: '900000'
            }
            {
              // Within the 30 seconds Container Apps gives a replica between SIGTERM and SIGKILL.
              name: 'SHUTDOWN_DEADLINE_MS'
              value: '20000'
            }
            {
              name: 'SCHEDULER_INTERVAL_MS'
              value: '30000'
            }
            {
              name: 'REQUEST_BODY_TIMEOUT_MS'
              value: '15000'
            }
            // Signed links (report downloads, a person's export) point at the app's own address.
            {
              name: 'BOT_DOMAIN'
              value: '${appName}.${environment.properties.defaultDomain}'
            }
            {
              name: 'SIGNING_SECRET'
              secretRef: 'signing-secret'
            }
            {
              name: 'LOG_LEVEL'
              value: logLevel
            }
            {
              // JSON lines on stdout, which Container Apps sends to the Log Analytics workspace
              // (also the default with an app id; set to be explicit).
              name: 'LOG_FORMAT'
              value: 'json'
            }
            // ORG_FILE only when a deployment names a file: by default the stored organisation
            // (npm run org:import) is used as it is.
          ], empty(orgFile) ? [] : [
            {
              name: 'ORG_FILE'
              value: orgFile
            }
          ])
          probes: [
            // Start-up opens Cosmos DB and reads the organisation: allow about two minutes
            // before the other probes count (Container Apps allows at most 10 failures).
            {
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: port
              }
              initialDelaySeconds: 10
              periodSeconds: 10
              failureThreshold: 10
              timeoutSeconds: 5
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: port
              }
              periodSeconds: 15
              failureThreshold: 4
              timeoutSeconds: 5
            }
            {
              type: 'Readiness'
              httpGet: {
                path: readinessPath
                port: port
              }
              periodSeconds: 10
              failureThreshold: 3
              timeoutSeconds: 5
            }
          ]
        }
      ]
      // SIGTERM, then this long to finish the turns in flight and stop the workers, then SIGKILL.
      terminationGracePeriodSeconds: 30
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
}

output fqdn string = app.properties.configuration.ingress.fqdn
output name string = app.name
