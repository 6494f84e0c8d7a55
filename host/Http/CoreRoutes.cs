using Microsoft.AspNetCore.Builder;
using Satchel.Http.Api;

namespace Satchel.Http;

/// <summary>The core API's endpoint groups; each group lives in its own file under Http/Api.</summary>
public static class CoreRoutes
{
    public static void Map(WebApplication web)
    {
        HealthApi.Map(web);
        CollectionsApi.Map(web);
        SettingsApi.Map(web);
        RecordAuthApi.Map(web);
        RecordAuthMethodsApi.Map(web);
        RecordCrudApi.Map(web);
        FilesApi.Map(web);
        BatchApi.Map(web);
    }
}
